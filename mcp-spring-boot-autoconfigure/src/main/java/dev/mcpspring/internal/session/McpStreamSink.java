package dev.mcpspring.internal.session;

/**
 * An open stream to a client, such as the SSE stream of an HTTP GET.
 */
@FunctionalInterface
public interface McpStreamSink {

	/**
	 * Sends a message on the stream.
	 * @param message a JSON-RPC message object
	 * @return whether the message was sent; {@code false} when the stream has closed
	 */
	boolean send(Object message);

}
