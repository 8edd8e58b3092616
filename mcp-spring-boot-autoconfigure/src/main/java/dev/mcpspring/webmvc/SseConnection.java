package dev.mcpspring.webmvc;

/**
 * One HTTP connection carrying an SSE stream to the client.
 */
interface SseConnection {

	/**
	 * Writes bytes of the stream and flushes them.
	 * @param bytes formatted SSE text
	 * @return whether they were written; {@code false} once the client has gone
	 */
	boolean write(byte[] bytes);

	/**
	 * Ends the HTTP response; the stream itself may continue on another connection.
	 */
	void close();

}
