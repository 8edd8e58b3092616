package dev.mcpspring.server;

import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The streams clients hold open to this process, by session: where messages that do
 * not answer a request (list changes, task status, ...) are sent. Each message goes to
 * one stream of the session only.
 */
public class McpSessionStreams {

	private final Map<String, Deque<McpStreamSink>> streams = new ConcurrentHashMap<>();

	/**
	 * Registers an open stream of a session.
	 * @param sessionId the session id
	 * @param sink the stream
	 * @return a handle that unregisters the stream when it closes
	 */
	public Runnable open(String sessionId, McpStreamSink sink) {
		this.streams.computeIfAbsent(sessionId, (id) -> new ConcurrentLinkedDeque<>()).addFirst(sink);
		return () -> close(sessionId, sink);
	}

	private void close(String sessionId, McpStreamSink sink) {
		this.streams.computeIfPresent(sessionId, (id, sinks) -> {
			sinks.remove(sink);
			return sinks.isEmpty() ? null : sinks;
		});
	}

	/**
	 * Sends a message on the most recently opened live stream of a session.
	 * @param sessionId the session id
	 * @param message the message
	 * @return whether a stream took the message
	 */
	public boolean send(String sessionId, Object message) {
		Deque<McpStreamSink> sinks = this.streams.get(sessionId);
		if (sinks == null) {
			return false;
		}
		for (McpStreamSink sink : sinks) {
			if (sink.send(message)) {
				return true;
			}
			close(sessionId, sink);
		}
		return false;
	}

	/**
	 * Sends a message to every session that has a stream open.
	 * @param message the message
	 */
	public void broadcast(Object message) {
		for (String sessionId : this.streams.keySet()) {
			send(sessionId, message);
		}
	}

	/**
	 * Forgets the streams of an ended session.
	 * @param sessionId the session id
	 */
	public void remove(String sessionId) {
		this.streams.remove(sessionId);
	}

	public boolean hasStream(String sessionId) {
		return this.streams.containsKey(sessionId);
	}

}
