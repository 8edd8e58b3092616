package dev.mcpspring.internal.resource;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.mcpspring.McpException;
import dev.mcpspring.internal.session.McpSessionListener;
import dev.mcpspring.internal.session.McpSessionStore;
import dev.mcpspring.internal.session.McpSessionStreams;
import dev.mcpspring.internal.wire.JsonRpcNotification;

/**
 * Which sessions subscribed to which resource URIs, and the sending of
 * {@code notifications/resources/updated} to them. A session keeps at most a maximum
 * number of subscriptions; they end with the session (the store tells this registry).
 */
final class ResourceSubscriptions implements McpSessionListener {

	private final Map<String, Set<String>> sessionsByUri = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> urisBySession = new ConcurrentHashMap<>();

	private final McpSessionStore sessions;

	private final McpSessionStreams streams;

	private final int maxPerSession;

	ResourceSubscriptions(McpSessionStore sessions, McpSessionStreams streams, int maxPerSession) {
		this.sessions = sessions;
		this.streams = streams;
		this.maxPerSession = maxPerSession;
		sessions.addListener(this);
	}

	void subscribe(String sessionId, String uri) {
		this.urisBySession.compute(sessionId, (key, uris) -> {
			Set<String> result = (uris != null) ? uris : ConcurrentHashMap.newKeySet();
			if (result.size() >= this.maxPerSession && !result.contains(uri)) {
				throw McpException.invalidParams("This session already has " + this.maxPerSession
						+ " resource subscriptions, the most allowed; unsubscribe from one first");
			}
			result.add(uri);
			return result;
		});
		this.sessionsByUri.compute(uri, (key, subscribers) -> {
			Set<String> result = (subscribers != null) ? subscribers : ConcurrentHashMap.newKeySet();
			result.add(sessionId);
			return result;
		});
		if (!this.sessions.isLive(sessionId)) {
			// the session ended while subscribing: its listener call may have come first
			sessionEnded(sessionId, true);
		}
	}

	void unsubscribe(String sessionId, String uri) {
		this.urisBySession.computeIfPresent(sessionId, (key, uris) -> {
			uris.remove(uri);
			return uris.isEmpty() ? null : uris;
		});
		removeSubscriber(uri, sessionId);
	}

	@Override
	public void sessionEnded(String sessionId, boolean local) {
		Set<String> uris = this.urisBySession.remove(sessionId);
		if (uris != null) {
			uris.forEach((uri) -> removeSubscriber(uri, sessionId));
		}
	}

	/**
	 * Returns the number of subscriptions of all sessions.
	 * @return the number of subscriptions
	 */
	int count() {
		return this.urisBySession.values().stream().mapToInt(Set::size).sum();
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
				sessionEnded(sessionId, true);
			}
		}
	}

	private void removeSubscriber(String uri, String sessionId) {
		this.sessionsByUri.computeIfPresent(uri, (key, subscribers) -> {
			subscribers.remove(sessionId);
			return subscribers.isEmpty() ? null : subscribers;
		});
	}

}
