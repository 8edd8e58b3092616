package dev.mcpspring.internal.web;

/**
 * One HTTP connection carrying an SSE stream to the client.
 */
interface SseConnection {

	/**
	 * Writes bytes of the stream and flushes them, or queues them for a client that
	 * cannot take them yet.
	 * @param bytes formatted SSE text
	 * @return whether they were written or queued; {@code false} once the client has gone
	 * or has fallen behind (then the connection is closed)
	 */
	boolean write(byte[] bytes);

	/**
	 * Writes bytes replayed to a new connection: as {@link #write(byte[])}, but never
	 * counted as falling behind (the stream's replay buffer bounds them).
	 * @param bytes formatted SSE text
	 * @return whether they were written or queued
	 */
	default boolean replay(byte[] bytes) {
		return write(bytes);
	}

	/**
	 * Ends the HTTP response; the stream itself may continue on another connection.
	 */
	void close();

}
