package dev.mcpspring;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The speaker of a prompt message.
 */
public enum Role {

	/** The user. */
	USER,

	/** The model. */
	ASSISTANT;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
