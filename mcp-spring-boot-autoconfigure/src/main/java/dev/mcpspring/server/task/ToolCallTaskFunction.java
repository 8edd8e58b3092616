package dev.mcpspring.server.task;

import dev.mcpspring.server.McpServer;
import dev.mcpspring.server.tool.McpToolHandler;
import dev.mcpspring.server.tool.McpToolRegistry;
import dev.mcpspring.tasks.TaskInfo;

/**
 * Runs tools called as tasks: the functions of the {@code tool:} namespace, whose
 * arguments are the tool call's arguments.
 */
public class ToolCallTaskFunction extends McpToolTaskFunction {

	private final McpToolRegistry tools;

	public ToolCallTaskFunction(McpServer server, TaskPropagation propagation, TaskMessages messages,
			McpToolRegistry tools) {
		super(server, propagation, messages);
		this.tools = tools;
	}

	@Override
	protected McpToolHandler handler(TaskInfo task) {
		String name = task.function().substring(McpTasksFeature.TOOL_FUNCTION_PREFIX.length());
		return this.tools.find(name).map(McpToolRegistry.RegisteredTool::handler).orElse(null);
	}

}
