package dev.mcpspring.internal.session;

import java.security.Principal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.LoggingLevel;
import tools.jackson.databind.JsonNode;

/**
 * The state of one MCP session, as kept in a {@link McpSessionStore}. Only plain data,
 * so that a shared store can hold it.
 *
 * @param id the session id sent in {@code Mcp-Session-Id}
 * @param protocolVersion the protocol version negotiated on {@code initialize}
 * @param clientInfo the client's {@code clientInfo}, or {@code null}
 * @param clientCapabilities the client's capabilities, or {@code null}
 * @param logLevel the minimum level of log messages the client asked for, or
 * {@code null} for all
 * @param createdAt when the session was created
 * @param principal the name of the authenticated principal that created the session, or
 * {@code null} when it was created anonymously
 */
public record McpSession(String id, String protocolVersion, @Nullable JsonNode clientInfo,
		@Nullable JsonNode clientCapabilities, @Nullable LoggingLevel logLevel, Instant createdAt,
		@Nullable String principal) {

	public McpSession withLogLevel(LoggingLevel level) {
		return new McpSession(this.id, this.protocolVersion, this.clientInfo, this.clientCapabilities, level,
				this.createdAt, this.principal);
	}

	/**
	 * Returns whether a caller may use this session: anybody when it was created
	 * anonymously, otherwise only the principal that created it.
	 * @param caller the caller's authenticated principal, or {@code null}
	 * @return whether the caller may use it
	 */
	public boolean isAccessibleBy(@Nullable Principal caller) {
		return this.principal == null || (caller != null && this.principal.equals(caller.getName()));
	}

	/**
	 * Returns whether a log message of the given level is to be sent to the client.
	 * @param level the message level
	 * @return whether it passes the client's level
	 */
	public boolean accepts(LoggingLevel level) {
		return this.logLevel == null || this.logLevel.includes(level);
	}

}
