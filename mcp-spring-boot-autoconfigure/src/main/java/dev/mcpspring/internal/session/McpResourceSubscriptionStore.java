package dev.mcpspring.internal.session;

import java.util.Set;

/**
 * Which sessions subscribed ({@code resources/subscribe}, protocol 2025-11-25) to which
 * resource URIs: in the memory of this process, or shared by every instance (Redis), so
 * that a resource update on any instance reaches the subscribers of all.
 */
public interface McpResourceSubscriptionStore {

	/**
	 * Subscribes a session to a URI, unless it already has the most subscriptions allowed.
	 * @param sessionId the session
	 * @param uri the URI
	 * @param max the most subscriptions a session may have
	 * @return whether the session is subscribed (already was, or is now)
	 */
	boolean subscribe(String sessionId, String uri, int max);

	/**
	 * Unsubscribes a session from a URI.
	 * @param sessionId the session
	 * @param uri the URI
	 */
	void unsubscribe(String sessionId, String uri);

	/**
	 * Returns the sessions subscribed to a URI.
	 * @param uri the URI
	 * @return the session ids
	 */
	Set<String> subscribers(String uri);

	/**
	 * Forgets the subscriptions of an ended session.
	 * @param sessionId the session
	 */
	void remove(String sessionId);

	/**
	 * Returns the number of subscriptions this process keeps in memory.
	 * @return the number of subscriptions
	 */
	int count();

}
