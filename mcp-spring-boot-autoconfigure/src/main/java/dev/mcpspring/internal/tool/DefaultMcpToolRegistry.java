package dev.mcpspring.internal.tool;

import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.mcpspring.McpToolHandler;
import dev.mcpspring.McpToolRegistry;
import dev.mcpspring.TaskSupport;
import dev.mcpspring.Tool;
import dev.mcpspring.ToolExecution;

/**
 * The {@link McpToolRegistry} of the server: the tools in name order, with the task
 * support in effect for each. Listeners (the server's
 * {@code notifications/tools/list_changed}) are told of every change.
 */
public class DefaultMcpToolRegistry implements McpToolRegistry {

	private final NavigableMap<String, RegisteredTool> tools = new ConcurrentSkipListMap<>();

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	private final TaskSupport defaultTaskSupport;

	private final boolean tasksEnabled;

	/**
	 * Creates a registry.
	 * @param defaultTaskSupport task support of tools that do not state their own
	 * @param tasksEnabled whether tools may run as tasks at all (when not, no tool lists
	 * an {@code execution} member)
	 */
	public DefaultMcpToolRegistry(TaskSupport defaultTaskSupport, boolean tasksEnabled) {
		this.defaultTaskSupport = defaultTaskSupport;
		this.tasksEnabled = tasksEnabled;
	}

	@Override
	public void register(McpToolHandler handler) {
		Tool tool = handler.tool();
		TaskSupport support = this.tasksEnabled
				? Optional.ofNullable(handler.taskSupport()).orElse(this.defaultTaskSupport) : TaskSupport.FORBIDDEN;
		Tool listed = this.tasksEnabled ? tool.withExecution(new ToolExecution(support)) : tool;
		RegisteredTool previous = this.tools.putIfAbsent(tool.name(),
				new RegisteredTool(handler, listed, support, HeaderParameter.declaredIn(tool)));
		if (previous != null) {
			throw new IllegalStateException("Duplicate MCP tool name '" + tool.name() + "': " + previous.handler()
					+ " and " + handler + ". Give one of them another name.");
		}
		this.listeners.forEach(Runnable::run);
	}

	@Override
	public boolean remove(String name) {
		boolean removed = this.tools.remove(name) != null;
		if (removed) {
			this.listeners.forEach(Runnable::run);
		}
		return removed;
	}

	/**
	 * Returns a tool.
	 * @param name the tool name
	 * @return the tool, or empty
	 */
	public Optional<RegisteredTool> find(String name) {
		return Optional.ofNullable(this.tools.get(name));
	}

	/**
	 * Returns all tools, by name.
	 * @return the tools
	 */
	public NavigableMap<String, RegisteredTool> all() {
		return this.tools;
	}

	/**
	 * Returns whether tools may run as tasks.
	 * @return whether tasks are enabled
	 */
	public boolean tasksEnabled() {
		return this.tasksEnabled;
	}

	/**
	 * Adds a listener called whenever the tool list changes.
	 * @param listener the listener
	 */
	public void addListener(Runnable listener) {
		this.listeners.add(listener);
	}

}
