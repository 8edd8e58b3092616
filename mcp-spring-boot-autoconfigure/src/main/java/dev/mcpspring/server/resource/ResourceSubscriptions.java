package dev.mcpspring.server.resource;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.mcpspring.protocol.JsonRpcNotification;
import dev.mcpspring.server.McpSessionStore;
import dev.mcpspring.server.McpSessionStreams;

/**
 * Which sessions subscribed to which resource URIs, and the sending of
 * {@code notifications/resources/updated} to them. Subscriptions of sessions that ended
 * or expired are dropped when an update finds them gone, and by a sweep at most once a
 * minute, so memory stays bounded by the live sessions.
 */
final class ResourceSubscriptions {

	private static final long SWEEP_INTERVAL_MILLIS = 60_000;

	private final Map<String, Set<String>> sessionsByUri = new ConcurrentHashMap<>();

	private final McpSessionStore sessions;

	private final McpSessionStreams streams;

	private final AtomicLong nextSweep = new AtomicLong(System.currentTimeMillis() + SWEEP_INTERVAL_MILLIS);

	ResourceSubscriptions(McpSessionStore sessions, McpSessionStreams streams) {
		this.sessions = sessions;
		this.streams = streams;
	}

	void subscribe(String sessionId, String uri) {
		sweepIfDue();
		this.sessionsByUri.compute(uri, (key, subscribers) -> {
			Set<String> result = (subscribers != null) ? subscribers : ConcurrentHashMap.newKeySet();
			result.add(sessionId);
			return result;
		});
	}

	void unsubscribe(String sessionId, String uri) {
		this.sessionsByUri.computeIfPresent(uri, (key, subscribers) -> {
			subscribers.remove(sessionId);
			return subscribers.isEmpty() ? null : subscribers;
		});
	}


	/**
	 * Sends {@code notifications/resources/updated} to every session subscribed to the
	 * URI that has a stream open to this process.
	 * @param uri the URI of the resource that changed
	 */
	void resourceUpdated(String uri) {
		Set<String> subscribers = this.sessionsByUri.get(uri);
		if (subscribers == null) {
			return;
		}
		JsonRpcNotification notification = JsonRpcNotification.of("notifications/resources/updated",
				Map.of("uri", uri));
		for (String sessionId : subscribers) {
			if (!this.streams.send(sessionId, notification) && !this.sessions.isLive(sessionId)) {
				unsubscribe(sessionId, uri);
			}
		}
	}

	private void sweepIfDue() {
		long now = System.currentTimeMillis();
		long due = this.nextSweep.get();
		if (now >= due && this.nextSweep.compareAndSet(due, now + SWEEP_INTERVAL_MILLIS)) {
			for (String uri : this.sessionsByUri.keySet()) {
				this.sessionsByUri.computeIfPresent(uri, (key, subscribers) -> {
					subscribers.removeIf((sessionId) -> !this.sessions.isLive(sessionId));
					return subscribers.isEmpty() ? null : subscribers;
				});
			}
		}
	}

}
