package dev.mcpspring.internal.wire;

/**
 * A client message that is not valid JSON within the limits ({@link ErrorCodes#PARSE_ERROR})
 * or not a single JSON-RPC 2.0 message ({@link ErrorCodes#INVALID_REQUEST}). The transport
 * answers it with a JSON-RPC error before any MCP method is involved.
 */
public class MalformedMessageException extends RuntimeException {

	private final int code;

	/**
	 * Creates an exception.
	 * @param code the JSON-RPC error code
	 * @param message the error message sent to the client
	 */
	public MalformedMessageException(int code, String message) {
		super(message);
		this.code = code;
	}

	public int getCode() {
		return this.code;
	}

}
