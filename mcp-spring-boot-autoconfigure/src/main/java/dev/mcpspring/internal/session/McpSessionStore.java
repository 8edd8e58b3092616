package dev.mcpspring.internal.session;

import java.util.Optional;


/**
 * Keeps MCP sessions. The in-memory store serves one process; a shared store lets
 * several instances serve one client. A store tells its {@link McpSessionListener
 * listeners} when a session ends (deleted, evicted or expired), so that everything held
 * for it is freed.
 */
public interface McpSessionStore {

	/**
	 * Saves a new or changed session. When a new session would exceed the store's
	 * capacity, the least recently used session is ended to make room.
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

	/**
	 * Registers a listener told when a session ends.
	 * @param listener the listener
	 */
	void addListener(McpSessionListener listener);

	/**
	 * Ends the sessions that expired and tells the listeners; called regularly, so that
	 * what expired sessions hold is freed even without new traffic.
	 */
	void sweep();

	/**
	 * Returns the number of sessions kept (expired ones not yet swept included).
	 * @return the number of sessions
	 */
	long count();

}
