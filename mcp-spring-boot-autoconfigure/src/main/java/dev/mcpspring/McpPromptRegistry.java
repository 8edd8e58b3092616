package dev.mcpspring;

import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The prompts the server offers, in name order. Prompts may be added and removed while
 * the application runs; listeners (the server's {@code notifications/prompts/list_changed})
 * are told.
 */
public class McpPromptRegistry {

	private final NavigableMap<String, McpPromptHandler> prompts = new ConcurrentSkipListMap<>();

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Adds a prompt.
	 * @param handler the prompt
	 * @throws IllegalStateException when a prompt of that name exists
	 */
	public void register(McpPromptHandler handler) {
		String name = handler.prompt().name();
		McpPromptHandler previous = this.prompts.putIfAbsent(name, handler);
		if (previous != null) {
			throw new IllegalStateException("Duplicate MCP prompt name '" + name + "': " + previous + " and " + handler
					+ ". Give one of them another name.");
		}
		this.listeners.forEach(Runnable::run);
	}

	/**
	 * Removes a prompt.
	 * @param name the prompt name
	 * @return whether a prompt was removed
	 */
	public boolean remove(String name) {
		boolean removed = this.prompts.remove(name) != null;
		if (removed) {
			this.listeners.forEach(Runnable::run);
		}
		return removed;
	}

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
