package dev.mcpspring.internal.task;

import java.util.Optional;

import dev.mcpspring.internal.session.BackgroundTasks;
import dev.mcpspring.internal.session.ClientRequests;
import dev.mcpspring.internal.session.McpSession;

/**
 * What a background task run needs of the server it runs in: the submitter's session,
 * a way to reach the stream the client holds open for it, the requests it sends to the
 * client, the submission of further background work, and the protocol revision to assume
 * when the task does not record one. The dispatcher implements it.
 */
public interface TaskHost {

	/**
	 * Finds a live session.
	 * @param sessionId the session id
	 * @return the session, or empty when it ended or expired
	 */
	Optional<McpSession> findSession(String sessionId);

	/**
	 * Sends a message to the stream of a session, on whichever instance holds it.
	 * @param sessionId the session id
	 * @param message a JSON-RPC message object
	 */
	void sendToSession(String sessionId, Object message);

	/**
	 * Returns the protocol revision assumed for a task submitted without one (by a
	 * {@code Docket} call outside any MCP request).
	 * @return the protocol version
	 */
	String defaultProtocolVersion();

	/**
	 * Returns the requests the server sends to clients and awaits answers to.
	 * @return the client requests
	 */
	ClientRequests clientRequests();

	/**
	 * Returns the submission of background work, when tasks are served.
	 * @return the background tasks, or empty
	 */
	Optional<BackgroundTasks> backgroundTasks();

}
