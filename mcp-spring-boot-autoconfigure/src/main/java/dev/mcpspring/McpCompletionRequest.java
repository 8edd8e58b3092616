package dev.mcpspring;

import java.util.Map;

/**
 * A {@code completion/complete} request: the argument being typed and the arguments
 * already chosen.
 *
 * @param reference the prompt or resource template
 * @param argument the name of the argument or URI template variable being completed
 * @param value what has been typed so far (possibly empty)
 * @param arguments the values of other arguments already resolved, by name
 */
public record McpCompletionRequest(CompletionReference reference, String argument, String value,
		Map<String, String> arguments) {
}
