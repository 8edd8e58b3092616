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
	 * Ends a session.
	 * @param id the session id
	 * @return whether a live session was ended
	 */
	boolean delete(String id);

}
