package dev.mcpspring.internal.web;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

import dev.mcpspring.internal.session.McpSessionListener;
import dev.mcpspring.internal.session.McpSessionStore;
import dev.mcpspring.internal.session.McpSessionStreams;
import dev.mcpspring.internal.session.McpStreamJournal;

/**
 * The SSE streams of each session held by this process: the standalone (GET) stream and
 * the streams of POSTed requests, so that a client can resume any of them with
 * {@code Last-Event-ID}. Streams that ended and were fully delivered are forgotten; a
 * session keeps at most {@value #MAX_STREAMS_PER_SESSION} streams. On shutdown every
 * connection is closed (with a reconnection delay), so the web server's graceful
 * shutdown does not wait for them. When a session ends (deleted, evicted or expired, here
 * or on another instance) its connections are closed and its streams forgotten.
 * <p>
 * With a {@link McpStreamJournal} (Redis), the events of the streams are kept there: a
 * session's standalone stream is one for all instances, and a client resumes any stream
 * of its session on any instance, which then holds the stream and is told of what other
 * instances append to it.
 */
public class SessionEventStreams implements SmartLifecycle, McpSessionListener {

	private static final int MAX_STREAMS_PER_SESSION = 32;

	private static final Pattern STREAM_ID = Pattern.compile("[0-9a-f]{1,16}");

	private final Map<String, Streams> sessions = new ConcurrentHashMap<>();

	private final McpSessionStreams sessionStreams;

	private final McpSessionStore sessionStore;

	private final int replayBuffer;

	private final long retryMillis;

	private final @Nullable McpStreamJournal journal;

	private volatile boolean running;

	/**
	 * Creates the registry and registers it with the session store.
	 * @param sessionStore the sessions, which tell the registry when one ends
	 * @param sessionStreams where standalone streams are offered to the server
	 * @param replayBuffer how many events of each stream are kept for resumption
	 * @param retryMillis the reconnection delay sent when the server closes a connection
	 */
	public SessionEventStreams(McpSessionStore sessionStore, McpSessionStreams sessionStreams, int replayBuffer,
			long retryMillis) {
		this(sessionStore, sessionStreams, replayBuffer, retryMillis, null);
	}

	/**
	 * Creates the registry, with the events of the streams kept in a journal, and
	 * registers it with the session store and the journal.
	 * @param sessionStore the sessions, which tell the registry when one ends
	 * @param sessionStreams where standalone streams are offered to the server
	 * @param replayBuffer how many events of each stream are kept for resumption
	 * @param retryMillis the reconnection delay sent when the server closes a connection
	 * @param journal where the events are kept, or {@code null} to keep them in memory
	 */
	public SessionEventStreams(McpSessionStore sessionStore, McpSessionStreams sessionStreams, int replayBuffer,
			long retryMillis, @Nullable McpStreamJournal journal) {
		this.sessionStore = sessionStore;
		this.sessionStreams = sessionStreams;
		this.replayBuffer = replayBuffer;
		this.retryMillis = retryMillis;
		this.journal = journal;
		sessionStore.addListener(this);
		if (journal != null) {
			journal.onAppended(this::appended);
		}
	}

	long retryMillis() {
		return this.retryMillis;
	}

	/**
	 * Creates the stream of a POSTed request.
	 * @param sessionId the session
	 * @return the stream
	 */
	EventStream newRequestStream(String sessionId) {
		EventStream stream = new EventStream(newStreamId(), this.replayBuffer, this.journal, sessionId, 0);
		Streams streams = streams(sessionId);
		List<String> pruned;
		synchronized (streams) {
			pruned = streams.prune();
			streams.byId.put(stream.id(), stream);
		}
		if (this.journal != null && !pruned.isEmpty()) {
			this.journal.delete(sessionId, pruned);
		}
		checkLive(sessionId, streams);
		return stream;
	}

	/**
	 * Creates the stream of a stateless request's response: registered nowhere, since
	 * nobody resumes it.
	 * @return the stream
	 */
	EventStream newStatelessStream() {
		return new EventStream(newStreamId(), this.replayBuffer);
	}

	/**
	 * Returns the standalone stream of a session, creating it (and offering it to the
	 * server for unsolicited messages) on first use.
	 * @param sessionId the session
	 * @return the stream, or {@code null} when the session ended meanwhile
	 */
	@Nullable EventStream standaloneStream(String sessionId) {
		Streams streams = streams(sessionId);
		EventStream standalone;
		synchronized (streams) {
			if (this.journal != null) {
				standalone = sharedStandalone(sessionId, streams, this.journal);
			}
			else {
				standalone = streams.standalone;
				if (standalone == null) {
					standalone = new EventStream(newStreamId(), this.replayBuffer);
					hold(sessionId, streams, standalone, true);
				}
			}
		}
		return checkLive(sessionId, streams) ? standalone : null;
	}

	/**
	 * Returns the session's standalone stream in the journal, held here from now on, and
	 * keeps it from expiring while its session lives and its client listens.
	 */
	private EventStream sharedStandalone(String sessionId, Streams streams, McpStreamJournal journal) {
		EventStream held = streams.standalone;
		String id = journal.standalone(sessionId, (held != null) ? held.id() : newStreamId());
		if (held == null || !held.id().equals(id)) {
			held = new EventStream(id, this.replayBuffer, journal, sessionId,
					Math.max(0, journal.lastSequence(sessionId, id)));
			hold(sessionId, streams, held, true);
		}
		return held;
	}

	private void hold(String sessionId, Streams streams, EventStream stream, boolean standalone) {
		streams.byId.put(stream.id(), stream);
		if (standalone) {
			streams.standalone = stream;
			this.sessionStreams.open(sessionId, stream);
		}
	}

	/**
	 * Writes to the connection of a stream held here what another instance appended.
	 * @param sessionId the session
	 * @param streamId the stream, or empty for the session's standalone stream
	 */
	private void appended(String sessionId, String streamId) {
		Streams streams = this.sessions.get(sessionId);
		if (streams == null) {
			return;
		}
		EventStream stream;
		synchronized (streams) {
			stream = streamId.isEmpty() ? streams.standalone : streams.byId.get(streamId);
		}
		if (stream != null) {
			stream.appended();
		}
	}

	/**
	 * Checks, once per session, that the session whose streams were just created is
	 * still live: it may have ended (and its end been handled) while its request was
	 * handled; then its streams are forgotten again.
	 */
	private boolean checkLive(String sessionId, Streams streams) {
		boolean check;
		synchronized (streams) {
			check = !streams.checked;
			streams.checked = true;
		}
		if (check) {
			if (!this.sessionStore.isLive(sessionId)) {
				remove(sessionId);
				this.sessionStreams.removeLocally(sessionId);
				return false;
			}
		}
		return true;
	}

	/**
	 * Finds the stream an event id belongs to.
	 * @param sessionId the session
	 * @param eventId the last event id the client received
	 * @return the stream, or {@code null} when it is unknown or forgotten
	 */
	@Nullable EventStream find(String sessionId, String eventId) {
		int dash = eventId.lastIndexOf('-');
		if (dash <= 0) {
			return null;
		}
		String streamId = eventId.substring(0, dash);
		Streams streams = (this.journal != null) ? streams(sessionId) : this.sessions.get(sessionId);
		if (streams == null) {
			return null;
		}
		synchronized (streams) {
			EventStream stream = streams.byId.get(streamId);
			if (stream != null && stream == streams.standalone && this.journal != null) {
				// keeps the stream from expiring while its session lives and its client listens
				this.journal.standalone(sessionId, streamId);
			}
			if (stream != null || this.journal == null || !STREAM_ID.matcher(streamId).matches()) {
				return stream;
			}
		}
		return resume(sessionId, streams, streamId);
	}

	/**
	 * Takes over a stream of the session that another instance held, when the journal
	 * has it.
	 */
	private @Nullable EventStream resume(String sessionId, Streams streams, String streamId) {
		McpStreamJournal journal = this.journal;
		long last = (journal != null) ? journal.lastSequence(sessionId, streamId) : -1;
		if (journal == null || last < 0) {
			return null;
		}
		boolean standalone = streamId.equals(journal.standaloneId(sessionId));
		EventStream stream = new EventStream(streamId, this.replayBuffer, journal, sessionId, last);
		List<String> pruned;
		synchronized (streams) {
			EventStream held = streams.byId.get(streamId);
			if (held != null) {
				return held;
			}
			pruned = streams.prune();
			hold(sessionId, streams, stream, standalone);
		}
		if (!pruned.isEmpty()) {
			journal.delete(sessionId, pruned);
		}
		return checkLive(sessionId, streams) ? stream : null;
	}

	/**
	 * Returns the sequence number an event id carries.
	 * @param eventId the event id
	 * @return the sequence, or -1 when the id is malformed
	 */
	static long sequenceOf(String eventId) {
		try {
			return Long.parseLong(eventId.substring(eventId.lastIndexOf('-') + 1));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * Closes the connections of an ended session and forgets its streams.
	 * @param sessionId the session
	 */
	public void remove(String sessionId) {
		close(sessionId, null);
	}

	@Override
	public void sessionEnded(String sessionId, boolean local) {
		remove(sessionId);
		if (local && this.journal != null) {
			this.journal.delete(sessionId);
		}
	}

	/**
	 * Returns the number of sessions whose streams this process keeps.
	 * @return the number of sessions
	 */
	public int sessionCount() {
		return this.sessions.size();
	}

	/**
	 * Returns the number of SSE connections open to this process (GET streams and SSE
	 * responses of POSTed requests).
	 * @return the number of connections
	 */
	public int openConnections() {
		int open = 0;
		for (Streams streams : this.sessions.values()) {
			synchronized (streams) {
				for (EventStream stream : streams.byId.values()) {
					if (stream.isConnected()) {
						open++;
					}
				}
			}
		}
		return open;
	}

	private void close(String sessionId, @Nullable Long retry) {
		Streams streams = this.sessions.remove(sessionId);
		if (streams != null) {
			synchronized (streams) {
				streams.byId.values().forEach((stream) -> stream.disconnect(retry));
			}
		}
	}

	private Streams streams(String sessionId) {
		return this.sessions.computeIfAbsent(sessionId, (id) -> new Streams());
	}

	private static String newStreamId() {
		return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		List<String> sessionIds = new ArrayList<>(this.sessions.keySet());
		sessionIds.forEach((sessionId) -> close(sessionId, this.retryMillis));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * The streams of one session.
	 */
	private static final class Streams {

		private final Map<String, EventStream> byId = new LinkedHashMap<>();

		private @Nullable EventStream standalone;

		private boolean checked;

		/**
		 * Forgets the streams that ended and were delivered, and the oldest ended ones
		 * beyond the most a session keeps.
		 * @return the ids of the streams forgotten
		 */
		List<String> prune() {
			List<String> pruned = new ArrayList<>();
			Iterator<EventStream> streams = this.byId.values().iterator();
			while (streams.hasNext()) {
				EventStream stream = streams.next();
				if (stream.isFinished()) {
					pruned.add(stream.id());
					streams.remove();
				}
			}
			Iterator<EventStream> oldest = this.byId.values().iterator();
			while (this.byId.size() >= MAX_STREAMS_PER_SESSION && oldest.hasNext()) {
				EventStream stream = oldest.next();
				if (stream.isCompleted()) {
					pruned.add(stream.id());
					oldest.remove();
				}
			}
			return pruned;
		}

	}

}
