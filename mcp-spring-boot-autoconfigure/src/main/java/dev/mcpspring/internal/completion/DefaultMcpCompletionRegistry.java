package dev.mcpspring.internal.completion;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.mcpspring.CompletionReference;
import dev.mcpspring.McpCompletionProvider;
import dev.mcpspring.McpCompletionRegistry;

/**
 * The {@link McpCompletionRegistry} of the server: the completion providers by prompt
 * argument and resource template variable.
 */
public class DefaultMcpCompletionRegistry implements McpCompletionRegistry {

	private final Map<Key, McpCompletionProvider> providers = new ConcurrentHashMap<>();

	@Override
	public void register(CompletionReference reference, String argument, McpCompletionProvider provider) {
		McpCompletionProvider previous = this.providers.putIfAbsent(new Key(reference, argument), provider);
		if (previous != null) {
			throw new IllegalStateException("Duplicate MCP completion provider for argument '" + argument + "' of "
					+ reference + ": " + previous + " and " + provider);
		}
	}

	@Override
	public boolean remove(CompletionReference reference, String argument) {
		return this.providers.remove(new Key(reference, argument)) != null;
	}

	/**
	 * Returns the provider of an argument.
	 * @param reference the prompt or resource template
	 * @param argument the argument or variable name
	 * @return the provider, or empty
	 */
	public Optional<McpCompletionProvider> find(CompletionReference reference, String argument) {
		return Optional.ofNullable(this.providers.get(new Key(reference, argument)));
	}

	/**
	 * Returns whether no provider is registered.
	 * @return whether the registry is empty
	 */
	public boolean isEmpty() {
		return this.providers.isEmpty();
	}

	private record Key(CompletionReference reference, String argument) {
	}

}
