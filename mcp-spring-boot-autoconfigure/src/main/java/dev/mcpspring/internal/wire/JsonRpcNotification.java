package dev.mcpspring.internal.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A JSON-RPC 2.0 notification or request sent by the server to the client.
 *
 * @param jsonrpc always {@code "2.0"}
 * @param id the request id, {@code null} for a notification
 * @param method the method
 * @param params the params, or {@code null}
 */
@JsonPropertyOrder({ "jsonrpc", "id", "method", "params" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonRpcNotification(String jsonrpc, Object id, String method, Object params) {

	public static JsonRpcNotification of(String method, Object params) {
		return new JsonRpcNotification(JsonRpcMessage.VERSION, null, method, params);
	}

	public static JsonRpcNotification request(Object id, String method, Object params) {
		return new JsonRpcNotification(JsonRpcMessage.VERSION, id, method, params);
	}

}
