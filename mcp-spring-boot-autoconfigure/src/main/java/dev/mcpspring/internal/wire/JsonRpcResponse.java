package dev.mcpspring.internal.wire;

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
public record JsonRpcResponse(String jsonrpc, @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode id,
		@JsonInclude(JsonInclude.Include.NON_NULL) Object result,
		@JsonInclude(JsonInclude.Include.NON_NULL) JsonRpcError error) {

	public static JsonRpcResponse result(JsonNode id, Object result) {
		return new JsonRpcResponse(JsonRpcMessage.VERSION, id, result, null);
	}

	public static JsonRpcResponse error(JsonNode id, JsonRpcError error) {
		return new JsonRpcResponse(JsonRpcMessage.VERSION, id, null, error);
	}

}
