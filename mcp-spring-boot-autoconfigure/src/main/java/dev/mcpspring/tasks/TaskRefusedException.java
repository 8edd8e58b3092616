package dev.mcpspring.tasks;

/**
 * Thrown by {@link Docket#submit} when a submission exceeds a limit of the docket (see
 * {@link DocketLimits}); MCP clients get it as a JSON-RPC error {@code -32602} with its
 * message.
 */
public class TaskRefusedException extends RuntimeException {

	public TaskRefusedException(String message) {
		super(message);
	}

}
