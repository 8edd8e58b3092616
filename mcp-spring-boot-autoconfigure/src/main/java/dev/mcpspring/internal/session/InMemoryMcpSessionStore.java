package dev.mcpspring.internal.session;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;


/**
 * A {@link McpSessionStore} in this process's memory. Sessions idle for longer than the
 * timeout expire and are ended by {@link #sweep()}; when a new session would exceed the
 * maximum, the least recently used session is ended to make room. Memory stays bounded
 * by the maximum number of sessions.
 */
public class InMemoryMcpSessionStore implements McpSessionStore {

	private static final int EVICTION_CANDIDATES = 64;

	private final Map<String, Entry> sessions = new ConcurrentHashMap<>();

	private final McpSessionListeners listeners = new McpSessionListeners();

	private final Object evictionLock = new Object();

	private final Deque<Candidate> candidates = new ArrayDeque<>();

	private final long timeoutMillis;

	private final int maxSessions;

	private final Clock clock;

	/**
	 * Creates a store.
	 * @param timeout how long a session may stay idle before it expires
	 * @param maxSessions how many sessions are kept at most
	 */
	public InMemoryMcpSessionStore(Duration timeout, int maxSessions) {
		this(timeout, maxSessions, Clock.systemUTC());
	}

	InMemoryMcpSessionStore(Duration timeout, int maxSessions, Clock clock) {
		this.timeoutMillis = timeout.toMillis();
		this.maxSessions = maxSessions;
		this.clock = clock;
	}

	@Override
	public void save(McpSession session) {
		Entry previous = this.sessions.put(session.id(), new Entry(session, this.clock.millis()));
		if (previous == null && this.sessions.size() > this.maxSessions) {
			evictFor(session.id());
		}
	}

	@Override
	public Optional<McpSession> find(String id) {
		Entry entry = this.sessions.get(id);
		if (entry == null) {
			return Optional.empty();
		}
		long now = this.clock.millis();
		if (entry.isExpired(now, this.timeoutMillis)) {
			end(id, entry);
			return Optional.empty();
		}
		entry.lastUsed = now;
		return Optional.of(entry.session);
	}

	@Override
	public boolean isLive(String id) {
		Entry entry = this.sessions.get(id);
		return entry != null && !entry.isExpired(this.clock.millis(), this.timeoutMillis);
	}

	@Override
	public boolean delete(String id) {
		Entry entry = this.sessions.get(id);
		return entry != null && end(id, entry);
	}

	@Override
	public void addListener(McpSessionListener listener) {
		this.listeners.add(listener);
	}

	@Override
	public void sweep() {
		long now = this.clock.millis();
		List<Map.Entry<String, Entry>> expired = new ArrayList<>();
		this.sessions.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().isExpired(now, this.timeoutMillis))
			.forEach(expired::add);
		expired.forEach((entry) -> end(entry.getKey(), entry.getValue()));
	}

	@Override
	public long count() {
		return this.sessions.size();
	}

	/**
	 * Ends the least recently used sessions (other than the new one) while there are
	 * more than the maximum. One scan of the sessions finds the
	 * {@value #EVICTION_CANDIDATES} least recently used; later evictions take them in
	 * order, skipping those used since, so that a flood of new sessions does not scan
	 * all sessions each.
	 */
	private void evictFor(String newId) {
		synchronized (this.evictionLock) {
			while (this.sessions.size() > this.maxSessions) {
				Candidate candidate = this.candidates.pollFirst();
				if (candidate == null) {
					collectCandidates(newId);
					candidate = this.candidates.pollFirst();
					if (candidate == null) {
						return;
					}
				}
				if (candidate.entry().lastUsed == candidate.lastUsed()) {
					end(candidate.id(), candidate.entry());
				}
			}
		}
	}

	private void collectCandidates(String newId) {
		PriorityQueue<Candidate> oldest = new PriorityQueue<>(
				Comparator.comparingLong(Candidate::lastUsed).reversed());
		for (Map.Entry<String, Entry> session : this.sessions.entrySet()) {
			long lastUsed = session.getValue().lastUsed;
			if (!session.getKey().equals(newId)
					&& (oldest.size() < EVICTION_CANDIDATES || lastUsed < oldest.peek().lastUsed())) {
				oldest.add(new Candidate(session.getKey(), session.getValue(), lastUsed));
				if (oldest.size() > EVICTION_CANDIDATES) {
					oldest.poll();
				}
			}
		}
		List<Candidate> sorted = new ArrayList<>(oldest);
		sorted.sort(Comparator.comparingLong(Candidate::lastUsed));
		this.candidates.addAll(sorted);
	}

	private boolean end(String id, Entry entry) {
		if (this.sessions.remove(id, entry)) {
			this.listeners.sessionEnded(id, true);
			return true;
		}
		return false;
	}

	private record Candidate(String id, Entry entry, long lastUsed) {
	}

	private static final class Entry {

		private final McpSession session;

		private volatile long lastUsed;

		Entry(McpSession session, long lastUsed) {
			this.session = session;
			this.lastUsed = lastUsed;
		}

		boolean isExpired(long now, long timeoutMillis) {
			return now - this.lastUsed > timeoutMillis;
		}

	}

}
