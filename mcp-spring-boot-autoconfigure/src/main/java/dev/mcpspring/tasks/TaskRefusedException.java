package dev.mcpspring.tasks;

import dev.mcpspring.McpException;
import dev.mcpspring.internal.wire.ErrorCodes;

/**
 * Thrown by {@link Docket#submit} when a submission exceeds a limit of the docket (see
 * {@link DocketLimits}); MCP clients get it as a JSON-RPC error {@code -32602} with its
 * message.
 */
public class TaskRefusedException extends McpException {

	public TaskRefusedException(String message) {
		super(ErrorCodes.INVALID_PARAMS, message);
	}

}
