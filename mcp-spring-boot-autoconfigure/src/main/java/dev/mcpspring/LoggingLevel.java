package dev.mcpspring;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Log message severities, in increasing order (RFC 5424).
 */
public enum LoggingLevel {

	DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns the level for a wire name.
	 * @param name the name, such as {@code "warning"}
	 * @return the level
	 * @throws McpException when the name is not a level
	 */
	@JsonCreator
	public static LoggingLevel fromWireName(String name) {
		for (LoggingLevel level : values()) {
			if (level.wireName().equals(name)) {
				return level;
			}
		}
		throw McpException.invalidParams("Unknown logging level '" + name + "'");
	}

	public boolean includes(LoggingLevel other) {
		return other.ordinal() >= ordinal();
	}

}
