package dev.mcpspring.internal.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.mcpspring.internal.session.McpStreamJournal;
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
 * <p>
 * With a {@link McpStreamJournal} (Redis), the events are kept there instead, under
 * sequences the journal assigns (1, 2, 3, ... with no gap), so that any instance may
 * append to the stream and any instance may hold its connection: the connection is
 * written what the journal holds after the last event it was written, in order, so it
 * misses nothing and receives nothing twice however appends and reads interleave.
 */
final class EventStream implements McpStreamSink {

	private static final Log logger = LogFactory.getLog(EventStream.class);

	private final String id;

	private final int capacity;

	private final @Nullable McpStreamJournal journal;

	private final String sessionId;

	private final Deque<Event> events = new ArrayDeque<>();

	private long sequence;

	private long lastEvent;

	private long delivered;

	private @Nullable SseConnection connection;

	private boolean completed;

	EventStream(String id, int capacity) {
		this(id, capacity, null, "", 0);
	}

	/**
	 * Creates a stream whose events are kept in a journal.
	 * @param id the stream's id
	 * @param capacity how many events are read from the journal at once
	 * @param journal the journal, or {@code null} to keep events in memory
	 * @param sessionId the session
	 * @param sequence the sequence of the stream's last event in the journal
	 */
	EventStream(String id, int capacity, @Nullable McpStreamJournal journal, String sessionId, long sequence) {
		this.id = id;
		this.capacity = capacity;
		this.journal = journal;
		this.sessionId = sessionId;
		this.sequence = sequence;
		this.lastEvent = sequence;
		this.delivered = sequence;
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
		if (this.journal != null) {
			long from = (lastSequence >= 0) ? Math.min(lastSequence, lastEvent()) : this.sequence;
			this.delivered = from;
			if (connection.replay(SseEvents.priming(eventId(from), null)) && pull(true)) {
				return true;
			}
			connection.close();
			this.connection = null;
			return false;
		}
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
		if (this.journal != null) {
			if (!this.completed) {
				journal(this.journal, (message != null) ? McpJson.mapper().writeValueAsString(message) : "", true);
			}
		}
		else if (message != null) {
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
		if (this.journal != null) {
			this.lastEvent = Math.max(this.lastEvent, this.journal.lastSequence(this.sessionId, this.id));
		}
		return this.lastEvent;
	}

	/**
	 * Writes to the connection what the journal holds after the last event written, as
	 * told when another instance appended to the stream.
	 */
	synchronized void appended() {
		SseConnection connection = this.connection;
		if (connection != null && !pull(false)) {
			connection.close();
			this.connection = null;
		}
	}

	/**
	 * Writes what the journal holds after the last event written to the connection.
	 * @param replay whether the connection is new (its replay is not counted as falling
	 * behind)
	 * @return whether the connection stays open
	 */
	private boolean pull(boolean replay) {
		McpStreamJournal journal = this.journal;
		SseConnection connection = this.connection;
		if (journal == null || connection == null) {
			return connection != null;
		}
		List<McpStreamJournal.Event> events;
		do {
			events = journal.read(this.sessionId, this.id, this.delivered, this.capacity);
			for (McpStreamJournal.Event event : events) {
				this.sequence = Math.max(this.sequence, event.sequence());
				this.lastEvent = Math.max(this.lastEvent, event.sequence());
				if (!event.json().isEmpty()) {
					byte[] bytes = SseEvents.event(eventId(event.sequence()), event.json());
					if (!(replay ? connection.replay(bytes) : connection.write(bytes))) {
						return false;
					}
				}
				this.delivered = event.sequence();
				if (event.last()) {
					this.completed = true;
					return false;
				}
			}
		}
		while (events.size() >= this.capacity);
		return true;
	}

	/**
	 * Appends a message to the journal and writes it to the connection, with whatever
	 * other instances appended before it.
	 */
	private void journal(McpStreamJournal journal, String json, boolean last) {
		long sequence;
		try {
			sequence = journal.append(this.sessionId, this.id, this.sequence, json, last);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not keep an event of stream " + this.id + " of session " + this.sessionId, ex);
			return;
		}
		this.sequence = sequence;
		this.lastEvent = sequence;
		SseConnection connection = this.connection;
		if (connection == null) {
			return;
		}
		boolean open;
		if (sequence == this.delivered + 1 && !json.isEmpty()) {
			open = connection.write(SseEvents.event(eventId(sequence), json));
			if (open) {
				this.delivered = sequence;
			}
		}
		else {
			open = pull(false);
		}
		if (!open) {
			connection.close();
			this.connection = null;
		}
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
		if (this.journal != null) {
			journal(this.journal, McpJson.mapper().writeValueAsString(message), false);
			return;
		}
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
