package dev.mcpspring.internal.tool;

import dev.mcpspring.McpContext;
import dev.mcpspring.TaskSupport;
import dev.mcpspring.internal.session.McpExchange;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a tool call as a background task: the tasks feature implements it.
 */
public interface ToolTaskSubmitter {

	/**
	 * Creates a task for a tool call and returns at once.
	 * @param tool the tool
	 * @param arguments the call's arguments
	 * @param task the {@code task} member of the request ({@code ttl}); empty on the
	 * stateless wire, where the client sends none
	 * @param context the context of the call
	 * @return the {@code CreateTaskResult} in the shape of the call's protocol revision
	 */
	Object submit(RegisteredTool tool, ObjectNode arguments, ObjectNode task, McpContext context);

	/**
	 * Decides whether a stateless (2026-07-28) call runs as a task: the server decides
	 * there, and answers with a task only a client that declared the tasks extension.
	 * @param support the tool's task support
	 * @param exchange the call
	 * @return whether the call runs as a task
	 */
	boolean runsAsTask(TaskSupport support, McpExchange exchange);

}
