package dev.mcpspring.internal.session;

import dev.mcpspring.internal.wire.JsonRpcMessage;
import tools.jackson.databind.JsonNode;

/**
 * Carries what concerns a session to the other instances of an application that share
 * their sessions (the messages for its streams go through the {@link McpStreamJournal}):
 * the end of a session, cancellations of requests another instance is handling, a client's
 * answers to requests another instance (or worker process) sent, and list
 * changes and resource updates for the {@code subscriptions/listen} streams of every
 * instance. The receiving instance hands them to its {@link McpSessionStreams},
 * {@link McpSessionStore}, {@link McpInFlightRequests} and {@link McpSubscriptions}
 * without relaying them again.
 */
public interface McpSessionRelay {

	/**
	 * Tells the other instances that a session ended, so that they forget its streams.
	 * @param sessionId the session id
	 */
	void sessionEnded(String sessionId);

	/**
	 * Asks the other instances to cancel a request of a session they are handling.
	 * @param sessionId the session id
	 * @param requestId the id of the request
	 */
	void cancelRequest(String sessionId, JsonNode requestId);

	/**
	 * Tells the other instances of a list change or resource update, for their
	 * {@code subscriptions/listen} streams.
	 * @param notification the notification, without a subscription id
	 */
	void publishChange(Object notification);

	/**
	 * Hands a client's answer to a request this process does not wait for to the other
	 * instances, to the one that sent the request.
	 * @param sessionId the session the answer came in
	 * @param response the client's response
	 */
	void answer(String sessionId, JsonRpcMessage response);

}
