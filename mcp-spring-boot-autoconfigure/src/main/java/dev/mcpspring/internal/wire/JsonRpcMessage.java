package dev.mcpspring.internal.wire;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * One JSON-RPC 2.0 message as received: a request, a notification or a response.
 *
 * @param id the request id (string or number node), {@code null} for notifications
 * @param method the method, {@code null} for responses
 * @param params the params, {@code null} when absent
 * @param result the result of a response, {@code null} otherwise
 * @param error the error of a response, {@code null} otherwise
 */
public record JsonRpcMessage(@Nullable JsonNode id, @Nullable String method, @Nullable JsonNode params,
		@Nullable JsonNode result, @Nullable JsonNode error) {

	/** The JSON-RPC version every message carries. */
	public static final String VERSION = "2.0";

	/**
	 * Reads a message from a parsed JSON value.
	 * @param json the parsed body
	 * @return the message
	 * @throws MalformedMessageException with {@link ErrorCodes#INVALID_REQUEST} when the value is not
	 * a single JSON-RPC 2.0 message
	 */
	public static JsonRpcMessage from(JsonNode json) {
		if (json.isArray()) {
			throw invalidRequest("Batch requests are not supported");
		}
		if (!json.isObject()) {
			throw invalidRequest("A JSON-RPC message must be a JSON object");
		}
		JsonNode version = json.get("jsonrpc");
		if (version == null || !version.isString() || !VERSION.equals(version.stringValue())) {
			throw invalidRequest("The \"jsonrpc\" member must be exactly \"2.0\"");
		}
		JsonNode id = json.get("id");
		if (id != null && !id.isString() && !id.isIntegralNumber()) {
			throw invalidRequest("The \"id\" member must be a string or an integer");
		}
		JsonNode method = json.get("method");
		JsonNode params = json.get("params");
		if (method != null) {
			if (!method.isString() || method.stringValue().isEmpty()) {
				throw invalidRequest("The \"method\" member must be a non-empty string");
			}
			if (params != null && !params.isObject()) {
				throw invalidRequest("The \"params\" member must be an object");
			}
			return new JsonRpcMessage(id, method.stringValue(), params, null, null);
		}
		JsonNode result = json.get("result");
		JsonNode error = json.get("error");
		if (id == null || (result == null) == (error == null)) {
			throw invalidRequest("A JSON-RPC message needs a \"method\", or an \"id\" with a \"result\" or an \"error\"");
		}
		return new JsonRpcMessage(id, null, null, result, error);
	}

	public boolean isRequest() {
		return this.method != null && this.id != null;
	}

	public boolean isNotification() {
		return this.method != null && this.id == null;
	}

	public boolean isResponse() {
		return this.method == null;
	}

	private static MalformedMessageException invalidRequest(String message) {
		return new MalformedMessageException(ErrorCodes.INVALID_REQUEST, message);
	}

}
