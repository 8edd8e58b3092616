package dev.mcpspring.internal.tool;

import dev.mcpspring.McpContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a tool call as a background task: the tasks feature implements it.
 */
@FunctionalInterface
public interface ToolTaskSubmitter {

	/**
	 * Creates a task for a tool call and returns at once.
	 * @param tool the tool
	 * @param arguments the call's arguments
	 * @param task the {@code task} member of the request ({@code ttl})
	 * @param context the context of the call
	 * @return the {@code CreateTaskResult}
	 */
	Object submit(RegisteredTool tool, ObjectNode arguments, ObjectNode task, McpContext context);

}
