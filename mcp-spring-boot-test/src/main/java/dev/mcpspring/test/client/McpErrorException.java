package dev.mcpspring.test.client;

import tools.jackson.databind.JsonNode;

/**
 * Thrown by {@link McpTestClient} when the server answers a request with a JSON-RPC
 * error (such as {@code -32602} for an unknown tool).
 */
public class McpErrorException extends RuntimeException {

	private final JsonNode error;

	McpErrorException(String method, JsonNode error) {
		super(method + " failed with JSON-RPC error " + error);
		this.error = error;
	}

	/**
	 * Returns the error's code.
	 * @return the code, such as {@code -32602}
	 */
	public int code() {
		return this.error.path("code").asInt();
	}

	/**
	 * Returns the error's message.
	 * @return the message, empty when there is none
	 */
	public String errorMessage() {
		return this.error.path("message").asString("");
	}

	/**
	 * Returns the whole error object ({@code code}, {@code message}, {@code data}).
	 * @return the error
	 */
	public JsonNode error() {
		return this.error;
	}

}
