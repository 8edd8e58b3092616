package dev.mcpspring.internal.task;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.McpToolHandler;
import dev.mcpspring.internal.tool.DefaultMcpToolRegistry;
import dev.mcpspring.internal.tool.RegisteredTool;
import dev.mcpspring.tasks.TaskInfo;

/**
 * Runs tools called as tasks: the functions of the {@code tool:} namespace, whose
 * arguments are the tool call's arguments.
 */
public class ToolCallTaskFunction extends McpToolTaskFunction {

	private final DefaultMcpToolRegistry tools;

	public ToolCallTaskFunction(TaskHost server, TaskPropagation propagation, TaskMessages messages,
			DefaultMcpToolRegistry tools) {
		super(server, propagation, messages);
		this.tools = tools;
	}

	@Override
	protected @Nullable McpToolHandler handler(TaskInfo task) {
		String name = task.function().substring(McpTasksFeature.TOOL_FUNCTION_PREFIX.length());
		return this.tools.find(name).map(RegisteredTool::handler).orElse(null);
	}

}
