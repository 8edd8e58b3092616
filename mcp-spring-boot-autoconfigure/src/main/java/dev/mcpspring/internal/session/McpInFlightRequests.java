package dev.mcpspring.internal.session;

import tools.jackson.databind.JsonNode;

/**
 * The client requests this process is handling, as far as a {@link McpSessionRelay}
 * needs them: another instance asks to cancel one. The dispatcher implements it.
 */
public interface McpInFlightRequests {

	/**
	 * Cancels a request of a session that this process is handling.
	 * @param sessionId the session id
	 * @param requestId the request id
	 * @return whether such a request was in flight here
	 */
	boolean cancelRequest(String sessionId, JsonNode requestId);

}
