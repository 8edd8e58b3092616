package dev.mcpspring;

/**
 * The tools the server offers. Inject it to add and remove tools while the application
 * runs; clients are told with {@code notifications/tools/list_changed}. Tools on
 * {@link McpTool @McpTool} methods are registered at startup.
 */
public interface McpToolRegistry {

	/**
	 * Adds a tool.
	 * @param handler the tool
	 * @throws IllegalStateException when a tool of that name exists
	 * @throws IllegalArgumentException when an {@code "x-mcp-header"} of its input
	 * schema is not allowed (not on a top-level string, integer or boolean property, not
	 * an HTTP token, or repeated)
	 */
	void register(McpToolHandler handler);

	/**
	 * Removes a tool.
	 * @param name the tool name
	 * @return whether a tool was removed
	 */
	boolean remove(String name);

}
