package dev.mcpspring.internal.wire;

import org.jspecify.annotations.Nullable;

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
public record JsonRpcNotification(String jsonrpc, @Nullable Object id, String method, @Nullable Object params) {

	public static JsonRpcNotification of(String method, @Nullable Object params) {
		return new JsonRpcNotification(JsonRpcMessage.VERSION, null, method, params);
	}

	public static JsonRpcNotification request(Object id, String method, @Nullable Object params) {
		return new JsonRpcNotification(JsonRpcMessage.VERSION, id, method, params);
	}

}
