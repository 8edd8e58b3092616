package dev.mcpspring.internal.protocol;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of {@code initialize}.
 *
 * @param protocolVersion the negotiated protocol version
 * @param capabilities the server capabilities
 * @param serverInfo the server implementation
 * @param instructions usage hints for the client, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InitializeResult(String protocolVersion, Map<String, Object> capabilities, Implementation serverInfo,
		@Nullable String instructions) {
}
