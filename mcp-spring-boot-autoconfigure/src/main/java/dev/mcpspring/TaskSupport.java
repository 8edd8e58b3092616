package dev.mcpspring;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether a tool may be called as a task ({@code execution.taskSupport}).
 */
public enum TaskSupport {

	/** The tool must not be called as a task. */
	FORBIDDEN,

	/** The tool may be called as a task or directly. */
	OPTIONAL,

	/** The tool must be called as a task. */
	REQUIRED;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
