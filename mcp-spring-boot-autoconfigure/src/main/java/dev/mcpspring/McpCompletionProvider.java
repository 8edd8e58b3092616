package dev.mcpspring;


/**
 * Suggests values for one argument of a prompt or one variable of a resource template.
 * {@link McpComplete} methods are adapted to this interface; implement it to register
 * providers with {@link McpCompletionRegistry}.
 */
@FunctionalInterface
public interface McpCompletionProvider {

	/**
	 * Suggests values.
	 * @param request what is being completed
	 * @param context the context of the request
	 * @return the suggestions, most relevant first (see {@link Completion#of})
	 * @throws Exception a {@link dev.mcpspring.McpException} to answer with a
	 * JSON-RPC error
	 */
	Completion complete(McpCompletionRequest request, McpContext context) throws Exception;

}
