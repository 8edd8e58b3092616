package dev.mcpspring.internal.session;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.McpContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * Handles one JSON-RPC method.
 */
@FunctionalInterface
public interface McpRequestHandler {

	/**
	 * Handles a request or notification.
	 * @param params the params (an empty object when the message had none)
	 * @param context the context of the request
	 * @return the result to answer a request with (ignored for notifications)
	 * @throws Exception a {@link dev.mcpspring.McpException} for a JSON-RPC
	 * error, anything else for an internal error
	 */
	@Nullable Object handle(ObjectNode params, McpContext context) throws Exception;

}
