package dev.mcpspring.tasks;

/**
 * Thrown by {@link Docket#submit} when a submission exceeds a limit of the docket
 * ({@code mcp.tasks.max-active-per-owner}, {@code max-arguments-size}, ...); MCP clients
 * get it as a JSON-RPC error {@code -32602} with its message.
 */
public class TaskRefusedException extends RuntimeException {

	private final String message;

	public TaskRefusedException(String message) {
		super(message);
		this.message = message;
	}

	/**
	 * Returns the message given at construction: why the task was refused.
	 * @return the message
	 */
	@Override
	public String getMessage() {
		return this.message;
	}

}
