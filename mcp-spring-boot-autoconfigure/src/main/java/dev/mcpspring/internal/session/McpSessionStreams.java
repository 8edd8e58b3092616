package dev.mcpspring.internal.session;

import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.internal.wire.McpJson;

/**
 * The streams clients hold open to this process, by session: where messages that do
 * not answer a request (list changes, task status, ...) are sent. Each message goes to
 * one stream of the session only. With a {@link McpSessionRelay}, a message for a session
 * that has no stream open to this process is handed to the instance that holds one.
 * With a {@link McpStreamJournal} instead, such a message is appended to the session's
 * standalone stream in the journal, which the instance holding its connection reads.
 * Registered as a {@link McpSessionListener}, it forgets the streams of ended sessions
 * and tells the other instances of the sessions this process ended.
 */
public class McpSessionStreams implements McpSessionListener {

	private final Map<String, Deque<McpStreamSink>> streams = new ConcurrentHashMap<>();

	private final @Nullable McpSessionRelay relay;

	private final @Nullable McpStreamJournal journal;

	/**
	 * Creates the streams of a single process.
	 */
	public McpSessionStreams() {
		this(null, null);
	}

	/**
	 * Creates the streams of one of several instances that share their sessions and the
	 * events of their streams.
	 * @param relay carries the ends of sessions to the other instances, or {@code null}
	 * @param journal keeps the events of the streams of all instances, or {@code null}
	 */
	public McpSessionStreams(@Nullable McpSessionRelay relay, @Nullable McpStreamJournal journal) {
		this.relay = relay;
		this.journal = journal;
	}

	/**
	 * Returns the relay to the other instances.
	 * @return the relay, or {@code null} when this process serves its sessions alone
	 */
	public @Nullable McpSessionRelay relay() {
		return this.relay;
	}

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
	 * Sends a message on the most recently opened live stream of a session; when this
	 * process holds none, appends it to the session's standalone stream in the journal,
	 * for the instance that holds a stream.
	 * @param sessionId the session id
	 * @param message the message
	 * @return whether a stream or the journal took the message
	 */
	public boolean send(String sessionId, Object message) {
		if (sendLocally(sessionId, message)) {
			return true;
		}
		return this.journal != null
				&& this.journal.appendToStandalone(sessionId, McpJson.mapper().writeValueAsString(message));
	}

	/**
	 * Sends a message on the most recently opened live stream of a session held by this
	 * process, never relaying it.
	 * @param sessionId the session id
	 * @param message the message
	 * @return whether a stream took the message
	 */
	public boolean sendLocally(String sessionId, Object message) {
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
			sendLocally(sessionId, message);
		}
	}

	/**
	 * Forgets the streams of an ended session, here and on the other instances.
	 * @param sessionId the session id
	 */
	public void remove(String sessionId) {
		removeLocally(sessionId);
		if (this.relay != null) {
			this.relay.sessionEnded(sessionId);
		}
	}

	/**
	 * Forgets the streams this process holds for an ended session.
	 * @param sessionId the session id
	 */
	public void removeLocally(String sessionId) {
		this.streams.remove(sessionId);
	}

	@Override
	public void sessionEnded(String sessionId, boolean local) {
		if (local) {
			remove(sessionId);
		}
		else {
			removeLocally(sessionId);
		}
	}

	public boolean hasStream(String sessionId) {
		return this.streams.containsKey(sessionId);
	}

	/**
	 * Returns the number of sessions with a stream open to this process.
	 * @return the number of sessions
	 */
	public int sessionCount() {
		return this.streams.size();
	}

}
