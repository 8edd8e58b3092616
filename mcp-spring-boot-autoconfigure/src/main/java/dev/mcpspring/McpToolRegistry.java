package dev.mcpspring;

import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;


/**
 * The tools the server offers, in name order. Tools may be added and removed while the
 * application runs; listeners (the server's {@code notifications/tools/list_changed})
 * are told.
 */
public class McpToolRegistry {

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
	public McpToolRegistry(TaskSupport defaultTaskSupport, boolean tasksEnabled) {
		this.defaultTaskSupport = defaultTaskSupport;
		this.tasksEnabled = tasksEnabled;
	}

	/**
	 * Adds a tool.
	 * @param handler the tool
	 * @throws IllegalStateException when a tool of that name exists
	 */
	public void register(McpToolHandler handler) {
		Tool tool = handler.tool();
		TaskSupport support = this.tasksEnabled
				? Optional.ofNullable(handler.taskSupport()).orElse(this.defaultTaskSupport) : TaskSupport.FORBIDDEN;
		Tool listed = this.tasksEnabled ? tool.withExecution(new ToolExecution(support)) : tool;
		RegisteredTool previous = this.tools.putIfAbsent(tool.name(),
				new RegisteredTool(handler, listed, support));
		if (previous != null) {
			throw new IllegalStateException("Duplicate MCP tool name '" + tool.name() + "': " + previous.handler()
					+ " and " + handler + ". Give one of them another name.");
		}
		this.listeners.forEach(Runnable::run);
	}

	/**
	 * Removes a tool.
	 * @param name the tool name
	 * @return whether a tool was removed
	 */
	public boolean remove(String name) {
		boolean removed = this.tools.remove(name) != null;
		if (removed) {
			this.listeners.forEach(Runnable::run);
		}
		return removed;
	}

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

	/**
	 * A tool as registered.
	 *
	 * @param handler the tool
	 * @param listed the tool as {@code tools/list} shows it
	 * @param taskSupport the task support in effect
	 */
	public record RegisteredTool(McpToolHandler handler, Tool listed, TaskSupport taskSupport) {
	}

}
