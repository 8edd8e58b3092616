package dev.mcpspring;

/**
 * The prompts the server offers. Inject it to add and remove prompts while the
 * application runs; clients are told with {@code notifications/prompts/list_changed}.
 * Prompts on {@link McpPrompt @McpPrompt} methods are registered at startup.
 */
public interface McpPromptRegistry {

	/**
	 * Adds a prompt.
	 * @param handler the prompt
	 * @throws IllegalStateException when a prompt of that name exists
	 */
	void register(McpPromptHandler handler);

	/**
	 * Removes a prompt.
	 * @param name the prompt name
	 * @return whether a prompt was removed
	 */
	boolean remove(String name);

}
