package dev.mcpspring.server;

import java.util.Optional;

/**
 * Keeps MCP sessions. The in-memory store serves one process; a shared store lets
 * several instances serve one client.
 */
public interface McpSessionStore {

	/**
	 * Saves a new or changed session.
	 * @param session the session
	 */
	void save(McpSession session);

	/**
	 * Finds a live session and marks it used.
	 * @param id the session id
	 * @return the session, or empty when unknown, ended or expired
	 */
	Optional<McpSession> find(String id);

	/**
	 * Returns whether a session is live, without marking it used (so that server-side
	 * bookkeeping, such as resource subscriptions, does not keep idle sessions alive).
	 * @param id the session id
	 * @return whether the session exists and has not ended or expired
	 */
	default boolean isLive(String id) {
		return find(id).isPresent();
	}

	/**
	 * Ends a session.
	 * @param id the session id
	 * @return whether a live session was ended
	 */
	boolean delete(String id);

}
