package dev.mcpspring.internal.web;

import java.util.ArrayDeque;
import java.util.Deque;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.internal.session.McpStreamSink;
import dev.mcpspring.internal.wire.McpJson;

/**
 * An SSE stream of a session: the stream of one POSTed request, or the session's
 * standalone (GET) stream. Each event, priming events included, gets the id
 * {@code <stream id>-<sequence>}, unique within the session; the
 * latest events are kept, so a client that lost the connection resumes with a GET and
 * {@code Last-Event-ID} and receives exactly what it missed on this stream. Messages
 * published while no connection is attached are kept for that resumption. Sending never
 * waits for a slow client on a GET connection (see {@link AsyncSseConnection}): one that
 * falls behind is closed and resumes from these events.
 */
final class EventStream implements McpStreamSink {

	private final String id;

	private final int capacity;

	private final Deque<Event> events = new ArrayDeque<>();

	private long sequence;

	private long lastEvent;

	private long delivered;

	private @Nullable SseConnection connection;

	private boolean completed;

	EventStream(String id, int capacity) {
		this.id = id;
		this.capacity = capacity;
	}

	String id() {
		return this.id;
	}

	/**
	 * Attaches a connection, writes the priming event, and replays what the client has
	 * not received.
	 * @param connection the connection
	 * @param lastSequence the sequence of the last event the client received, or -1
	 * @return whether the connection stays open (false when the stream was already
	 * complete and has been replayed in full)
	 */
	synchronized boolean connect(SseConnection connection, long lastSequence) {
		if (this.connection != null) {
			this.connection.close();
		}
		this.connection = connection;
		boolean written = connection.replay(SseEvents.priming(eventId(++this.sequence), null));
		for (Event event : this.events) {
			if (written && event.sequence > lastSequence) {
				written = connection.replay(event.bytes);
				if (written) {
					this.delivered = event.sequence;
				}
			}
		}
		if (!written || this.completed) {
			connection.close();
			this.connection = null;
			return false;
		}
		return true;
	}

	@Override
	public synchronized boolean send(Object message) {
		if (this.completed) {
			return false;
		}
		append(message);
		return true;
	}

	/**
	 * Sends the last message of the stream (the response of a POSTed request) and ends
	 * it.
	 * @param message the message, or {@code null} to end without one
	 */
	synchronized void complete(@Nullable Object message) {
		if (message != null) {
			append(message);
		}
		this.completed = true;
		if (this.connection != null) {
			this.connection.close();
			this.connection = null;
		}
	}

	/**
	 * Closes the current connection; the stream goes on and keeps what it publishes
	 * until the client resumes.
	 * @param retryMillis the reconnection delay to tell the client, or {@code null}
	 */
	synchronized void disconnect(@Nullable Long retryMillis) {
		if (this.connection != null) {
			if (retryMillis != null) {
				this.connection.write(SseEvents.retry(retryMillis));
			}
			this.connection.close();
			this.connection = null;
		}
	}

	/**
	 * Detaches a connection that closed on its own (timeout, client gone).
	 * @param closed the connection
	 */
	synchronized void detach(@Nullable SseConnection closed) {
		if (this.connection == closed) {
			this.connection = null;
		}
	}

	/**
	 * Returns whether the stream has ended and the client received all of it.
	 * @return whether it can be forgotten
	 */
	synchronized boolean isFinished() {
		return this.completed && this.delivered >= this.lastEvent;
	}

	/**
	 * Returns the sequence of the last event sent, the point a new connection starts
	 * from when it does not resume.
	 * @return the sequence
	 */
	synchronized long lastEvent() {
		return this.lastEvent;
	}

	synchronized boolean isConnected() {
		return this.connection != null;
	}

	/**
	 * Returns the connection attached now.
	 * @return the connection, or {@code null} when none is
	 */
	synchronized @Nullable SseConnection connection() {
		return this.connection;
	}

	synchronized boolean isCompleted() {
		return this.completed;
	}

	private void append(Object message) {
		long sequence = ++this.sequence;
		this.lastEvent = sequence;
		Event event = new Event(sequence,
				SseEvents.event(eventId(sequence), McpJson.mapper().writeValueAsString(message)));
		this.events.addLast(event);
		if (this.events.size() > this.capacity) {
			this.events.removeFirst();
		}
		if (this.connection != null) {
			if (this.connection.write(event.bytes)) {
				this.delivered = sequence;
			}
			else {
				this.connection = null;
			}
		}
	}

	private String eventId(long sequence) {
		return this.id + '-' + sequence;
	}

	private record Event(long sequence, byte[] bytes) {
	}

}
