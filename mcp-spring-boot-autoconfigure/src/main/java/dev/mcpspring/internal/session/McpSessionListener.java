package dev.mcpspring.internal.session;

/**
 * Told when an MCP session ends, so that whatever this process holds for it (streams,
 * subscriptions, requests waiting for the client) is freed.
 */
@FunctionalInterface
public interface McpSessionListener {

	/**
	 * Called when a session ended: deleted, evicted to make room, or expired.
	 * @param sessionId the session id
	 * @param local whether this process ended it or noticed its expiry, rather than
	 * learning of it from another instance
	 */
	void sessionEnded(String sessionId, boolean local);

}
