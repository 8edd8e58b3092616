package dev.mcpspring.internal.web;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import dev.mcpspring.internal.wire.JsonRpcError;
import tools.jackson.databind.JsonNode;

/**
 * Recognizes a failure to reach the store of sessions and tasks (Redis down, a command
 * timed out), which MCP clients get as HTTP 503 with a JSON-RPC error rather than a 500.
 * Matched by class name along the cause chain, since Spring Data Redis is optional.
 */
final class StoreFailures {

	/** The JSON-RPC error code: a server error the client may retry. */
	static final int UNAVAILABLE = -32000;

	static final String MESSAGE = "The session and task store is unavailable; retry later";

	private static final Set<String> TYPES = Set.of("org.springframework.dao.DataAccessResourceFailureException",
			"org.springframework.dao.QueryTimeoutException", "org.springframework.dao.TransientDataAccessException",
			"org.springframework.data.redis.RedisConnectionFailureException",
			"io.lettuce.core.RedisConnectionException", "io.lettuce.core.RedisCommandTimeoutException");

	private StoreFailures() {
	}

	static boolean isUnavailable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
				if (TYPES.contains(type.getName())) {
					return true;
				}
			}
		}
		return false;
	}

	static JsonRpcError error() {
		return new JsonRpcError(UNAVAILABLE, MESSAGE, null);
	}

	static void write(HttpServletResponse response, @Nullable JsonNode id) throws IOException {
		response.setHeader("Retry-After", "2");
		McpHttpResponses.writeError(response, HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE, MESSAGE, id);
	}

}
