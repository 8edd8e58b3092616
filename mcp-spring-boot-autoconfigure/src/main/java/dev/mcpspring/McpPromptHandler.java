package dev.mcpspring;

import java.util.List;
import java.util.Map;
import java.util.function.Function;


/**
 * A prompt the server offers: its description and how to render it. {@link McpPrompt}
 * methods are adapted to this interface; implement it (or use {@link #of}) to register
 * prompts with {@link McpPromptRegistry} at runtime.
 */
public interface McpPromptHandler {

	/**
	 * Returns the prompt as listed to clients.
	 * @return the prompt
	 */
	Prompt prompt();

	/**
	 * Renders the prompt. The server has checked that the required arguments are given.
	 * @param arguments the arguments, by name
	 * @param context the context of the request
	 * @return the messages
	 * @throws Exception a {@link dev.mcpspring.McpException} to answer with a
	 * JSON-RPC error
	 */
	GetPromptResult get(Map<String, String> arguments, McpContext context) throws Exception;

	/**
	 * Returns the values an argument may take, for {@code completion/complete} when no
	 * completion provider is registered for it.
	 * @param argument the argument name
	 * @return the values, empty when any value goes
	 */
	default List<String> knownValues(String argument) {
		return List.of();
	}

	/**
	 * Returns a handler that renders the prompt with a function of its arguments.
	 * @param prompt the prompt as listed
	 * @param renderer renders the prompt from its arguments
	 * @return the handler
	 */
	static McpPromptHandler of(Prompt prompt, Function<Map<String, String>, GetPromptResult> renderer) {
		return new McpPromptHandler() {

			@Override
			public Prompt prompt() {
				return prompt;
			}

			@Override
			public GetPromptResult get(Map<String, String> arguments, McpContext context) {
				return renderer.apply(arguments);
			}

			@Override
			public String toString() {
				return "prompt " + prompt.name();
			}

		};
	}

}
