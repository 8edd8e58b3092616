package dev.mcpspring.internal.prompt;

import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.mcpspring.McpPromptHandler;
import dev.mcpspring.McpPromptRegistry;

/**
 * The {@link McpPromptRegistry} of the server: the prompts in name order. Listeners (the
 * server's {@code notifications/prompts/list_changed}) are told of every change.
 */
public class DefaultMcpPromptRegistry implements McpPromptRegistry {

	private final NavigableMap<String, McpPromptHandler> prompts = new ConcurrentSkipListMap<>();

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	@Override
	public void register(McpPromptHandler handler) {
		String name = handler.prompt().name();
		McpPromptHandler previous = this.prompts.putIfAbsent(name, handler);
		if (previous != null) {
			throw new IllegalStateException("Duplicate MCP prompt name '" + name + "': " + previous + " and " + handler
					+ ". Give one of them another name.");
		}
		this.listeners.forEach(Runnable::run);
	}

	@Override
	public boolean remove(String name) {
		boolean removed = this.prompts.remove(name) != null;
		if (removed) {
			this.listeners.forEach(Runnable::run);
		}
		return removed;
	}

	/**
	 * Returns a prompt.
	 * @param name the prompt name
	 * @return the prompt, or empty
	 */
	public Optional<McpPromptHandler> find(String name) {
		return Optional.ofNullable(this.prompts.get(name));
	}

	/**
	 * Returns all prompts, by name.
	 * @return the prompts
	 */
	public NavigableMap<String, McpPromptHandler> all() {
		return this.prompts;
	}

	/**
	 * Adds a listener called whenever the prompt list changes.
	 * @param listener the listener
	 */
	public void addListener(Runnable listener) {
		this.listeners.add(listener);
	}

}
