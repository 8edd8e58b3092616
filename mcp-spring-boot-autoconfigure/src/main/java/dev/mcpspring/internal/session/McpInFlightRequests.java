package dev.mcpspring.internal.session;

import dev.mcpspring.internal.wire.JsonRpcMessage;
import tools.jackson.databind.JsonNode;

/**
 * The client requests this process is handling, and the requests it sent to clients, as
 * far as a {@link McpSessionRelay} needs them: another instance asks to cancel one, or
 * hands on a client's answer it received. The dispatcher implements it.
 */
public interface McpInFlightRequests {

	/**
	 * Cancels a request of a session that this process is handling.
	 * @param sessionId the session id
	 * @param requestId the request id
	 * @return whether such a request was in flight here
	 */
	boolean cancelRequest(String sessionId, JsonNode requestId);

	/**
	 * Completes a request this process sent to a client with the answer another instance
	 * received, when the request waits here and was sent to that session.
	 * @param sessionId the session the answer came in
	 * @param response the client's response
	 */
	void answerClientRequest(String sessionId, JsonRpcMessage response);

}
