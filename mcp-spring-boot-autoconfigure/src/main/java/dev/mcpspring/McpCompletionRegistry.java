package dev.mcpspring;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The completion providers of the application, by prompt argument and resource template
 * variable.
 */
public class McpCompletionRegistry {

	private final Map<Key, McpCompletionProvider> providers = new ConcurrentHashMap<>();

	/**
	 * Adds a provider.
	 * @param reference the prompt or resource template
	 * @param argument the argument or variable name
	 * @param provider the provider
	 * @throws IllegalStateException when the argument has a provider
	 */
	public void register(CompletionReference reference, String argument, McpCompletionProvider provider) {
		McpCompletionProvider previous = this.providers.putIfAbsent(new Key(reference, argument), provider);
		if (previous != null) {
			throw new IllegalStateException("Duplicate MCP completion provider for argument '" + argument + "' of "
					+ reference + ": " + previous + " and " + provider);
		}
	}

	/**
	 * Removes a provider.
	 * @param reference the prompt or resource template
	 * @param argument the argument or variable name
	 * @return whether a provider was removed
	 */
	public boolean remove(CompletionReference reference, String argument) {
		return this.providers.remove(new Key(reference, argument)) != null;
	}

	public Optional<McpCompletionProvider> find(CompletionReference reference, String argument) {
		return Optional.ofNullable(this.providers.get(new Key(reference, argument)));
	}

	public boolean isEmpty() {
		return this.providers.isEmpty();
	}

	private record Key(CompletionReference reference, String argument) {
	}

}
