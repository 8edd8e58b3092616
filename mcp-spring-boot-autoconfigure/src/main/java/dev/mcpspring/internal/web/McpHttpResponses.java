package dev.mcpspring.internal.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.mcpspring.internal.wire.JsonRpcError;
import dev.mcpspring.internal.wire.JsonRpcResponse;
import dev.mcpspring.internal.wire.McpJson;
import tools.jackson.databind.JsonNode;

/**
 * Writes JSON bodies and JSON-RPC error responses.
 */
final class McpHttpResponses {

	private McpHttpResponses() {
	}

	static void writeJson(HttpServletResponse response, HttpStatus status, Object body) throws IOException {
		byte[] bytes = McpJson.mapper().writeValueAsBytes(body);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	/**
	 * Answers with an HTTP error status and a JSON-RPC error body.
	 * @param response the response
	 * @param status the HTTP status
	 * @param code the JSON-RPC error code
	 * @param message the message
	 * @param id the request id, or {@code null}
	 * @throws IOException when the client has gone
	 */
	static void writeError(HttpServletResponse response, HttpStatus status, int code, String message,
			@Nullable JsonNode id) throws IOException {
		writeJson(response, status, JsonRpcResponse.error(id, new JsonRpcError(code, message, null)));
	}

}
