package dev.mcpspring.internal.wire;

/**
 * JSON-RPC 2.0 and MCP error codes.
 */
public final class ErrorCodes {

	/** Invalid JSON was received. */
	public static final int PARSE_ERROR = -32700;

	/** The JSON sent is not a valid JSON-RPC request object. */
	public static final int INVALID_REQUEST = -32600;

	/** The method does not exist or is not available. */
	public static final int METHOD_NOT_FOUND = -32601;

	/** Invalid method parameters. */
	public static final int INVALID_PARAMS = -32602;

	/** Internal JSON-RPC error. */
	public static final int INTERNAL_ERROR = -32603;

	/** A resource was not found (MCP). */
	public static final int RESOURCE_NOT_FOUND = -32002;

	/** A request needs a client capability the client did not declare (2026-07-28). */
	public static final int MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;

	private ErrorCodes() {
	}

}
