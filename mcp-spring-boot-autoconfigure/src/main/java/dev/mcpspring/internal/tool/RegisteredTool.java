package dev.mcpspring.internal.tool;

import java.util.List;

import dev.mcpspring.McpToolHandler;
import dev.mcpspring.TaskSupport;
import dev.mcpspring.Tool;

/**
 * A tool as registered.
 *
 * @param handler the tool
 * @param listed the tool as {@code tools/list} shows it
 * @param taskSupport the task support in effect
 * @param headerParameters the arguments clients mirror into {@code Mcp-Param-*} headers
 */
public record RegisteredTool(McpToolHandler handler, Tool listed, TaskSupport taskSupport,
		List<HeaderParameter> headerParameters) {
}
