package dev.mcpspring.internal.wire;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.JsonNode;

/**
 * A JSON-RPC 2.0 response: either a result or an error.
 *
 * @param jsonrpc always {@code "2.0"}
 * @param id the id of the request answered ({@code null} when it could not be read)
 * @param result the result, or {@code null} for an error
 * @param error the error, or {@code null} for a result
 */
@JsonPropertyOrder({ "jsonrpc", "id", "result", "error" })
public record JsonRpcResponse(String jsonrpc, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable JsonNode id,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Object result,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable JsonRpcError error) {

	public static JsonRpcResponse result(@Nullable JsonNode id, Object result) {
		return new JsonRpcResponse(JsonRpcMessage.VERSION, id, result, null);
	}

	public static JsonRpcResponse error(@Nullable JsonNode id, JsonRpcError error) {
		return new JsonRpcResponse(JsonRpcMessage.VERSION, id, null, error);
	}

}
