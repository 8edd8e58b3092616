package dev.mcpspring.tasks;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The status of a task, as MCP reports it.
 */
public enum TaskStatus {

	/** Queued, scheduled or running. */
	WORKING,

	/** Waiting for input from the client. */
	INPUT_REQUIRED,

	/** Finished with a result. */
	COMPLETED,

	/** Finished with an error. */
	FAILED,

	/** Cancelled before it finished. */
	CANCELLED;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean isTerminal() {
		return this == COMPLETED || this == FAILED || this == CANCELLED;
	}

	public static TaskStatus fromWireName(String name) {
		return valueOf(name.toUpperCase(Locale.ROOT));
	}

}
