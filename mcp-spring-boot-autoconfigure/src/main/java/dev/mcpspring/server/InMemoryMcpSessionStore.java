package dev.mcpspring.server;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link McpSessionStore} in this process's memory. Sessions idle for longer than the
 * timeout expire; expired sessions are swept at most once a minute, so memory stays
 * bounded by the number of active clients.
 */
public class InMemoryMcpSessionStore implements McpSessionStore {

	private static final long SWEEP_INTERVAL_MILLIS = 60_000;

	private final Map<String, Entry> sessions = new ConcurrentHashMap<>();

	private final long timeoutMillis;

	private final Clock clock;

	private final AtomicLong nextSweep;

	public InMemoryMcpSessionStore(Duration timeout) {
		this(timeout, Clock.systemUTC());
	}

	InMemoryMcpSessionStore(Duration timeout, Clock clock) {
		this.timeoutMillis = timeout.toMillis();
		this.clock = clock;
		this.nextSweep = new AtomicLong(clock.millis() + SWEEP_INTERVAL_MILLIS);
	}

	@Override
	public void save(McpSession session) {
		long now = this.clock.millis();
		this.sessions.put(session.id(), new Entry(session, now));
		sweepIfDue(now);
	}

	@Override
	public Optional<McpSession> find(String id) {
		Entry entry = this.sessions.get(id);
		if (entry == null) {
			return Optional.empty();
		}
		long now = this.clock.millis();
		if (entry.isExpired(now, this.timeoutMillis)) {
			this.sessions.remove(id, entry);
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
		return this.sessions.remove(id) != null;
	}

	int size() {
		return this.sessions.size();
	}

	private void sweepIfDue(long now) {
		long due = this.nextSweep.get();
		if (now >= due && this.nextSweep.compareAndSet(due, now + SWEEP_INTERVAL_MILLIS)) {
			this.sessions.values().removeIf((entry) -> entry.isExpired(now, this.timeoutMillis));
		}
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
