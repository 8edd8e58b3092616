package dev.mcpspring;

/**
 * The completion providers of the application, by prompt argument and resource template
 * variable. Inject it to add and remove providers while the application runs; providers
 * on {@link McpComplete @McpComplete} methods are registered at startup.
 */
public interface McpCompletionRegistry {

	/**
	 * Adds a provider.
	 * @param reference the prompt or resource template
	 * @param argument the argument or variable name
	 * @param provider the provider
	 * @throws IllegalStateException when the argument has a provider
	 */
	void register(CompletionReference reference, String argument, McpCompletionProvider provider);

	/**
	 * Removes a provider.
	 * @param reference the prompt or resource template
	 * @param argument the argument or variable name
	 * @return whether a provider was removed
	 */
	boolean remove(CompletionReference reference, String argument);

}
