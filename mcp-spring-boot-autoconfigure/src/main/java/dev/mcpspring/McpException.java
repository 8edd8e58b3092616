package dev.mcpspring;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.internal.wire.ErrorCodes;
import dev.mcpspring.internal.wire.JsonRpcError;

/**
 * An error answered to the client as a JSON-RPC error response.
 */
public class McpException extends RuntimeException {

	private final int code;

	private final String message;

	private final transient @Nullable Object data;

	public McpException(int code, String message) {
		this(code, message, null);
	}

	public McpException(int code, String message, @Nullable Object data) {
		super(message);
		this.code = code;
		this.message = message;
		this.data = data;
	}

	public static McpException invalidParams(String message) {
		return new McpException(ErrorCodes.INVALID_PARAMS, message);
	}

	public static McpException methodNotFound(String message) {
		return new McpException(ErrorCodes.METHOD_NOT_FOUND, message);
	}

	public static McpException invalidRequest(String message) {
		return new McpException(ErrorCodes.INVALID_REQUEST, message);
	}

	/**
	 * Returns the error for a resource URI that names no resource: code
	 * {@link ErrorCodes#RESOURCE_NOT_FOUND}, with the URI in the error's data.
	 * @param uri the URI
	 * @return the exception
	 */
	public static McpException resourceNotFound(String uri) {
		return new McpException(ErrorCodes.RESOURCE_NOT_FOUND, "Resource not found: " + uri,
				Map.of("uri", uri));
	}

	public int getCode() {
		return this.code;
	}

	/**
	 * Returns the message given at construction.
	 * @return the message
	 */
	@Override
	public String getMessage() {
		return this.message;
	}

	public @Nullable Object getData() {
		return this.data;
	}

	/**
	 * Returns the JSON-RPC error object for this exception.
	 * @return the error object
	 */
	public JsonRpcError toError() {
		return new JsonRpcError(this.code, getMessage(), this.data);
	}

}
