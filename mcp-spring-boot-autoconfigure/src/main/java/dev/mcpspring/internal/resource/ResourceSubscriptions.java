package dev.mcpspring.internal.resource;

import java.util.Map;

import dev.mcpspring.McpException;
import dev.mcpspring.internal.session.McpResourceSubscriptionStore;
import dev.mcpspring.internal.session.McpSessionListener;
import dev.mcpspring.internal.session.McpSessionStore;
import dev.mcpspring.internal.session.McpSessionStreams;
import dev.mcpspring.internal.wire.JsonRpcNotification;

/**
 * Which sessions subscribed to which resource URIs, and the sending of
 * {@code notifications/resources/updated} to them. A session keeps at most a maximum
 * number of subscriptions; they end with the session (the store tells this registry).
 * With a shared {@link McpResourceSubscriptionStore} and stream journal (Redis), an update
 * on any instance reaches the subscribers of all: it is appended to each subscriber's
 * standalone stream, which the instance holding its connection sends.
 */
final class ResourceSubscriptions implements McpSessionListener {

	private final McpResourceSubscriptionStore store;

	private final McpSessionStore sessions;

	private final McpSessionStreams streams;

	private final int maxPerSession;

	ResourceSubscriptions(McpResourceSubscriptionStore store, McpSessionStore sessions, McpSessionStreams streams,
			int maxPerSession) {
		this.store = store;
		this.sessions = sessions;
		this.streams = streams;
		this.maxPerSession = maxPerSession;
		sessions.addListener(this);
	}

	void subscribe(String sessionId, String uri) {
		if (!this.store.subscribe(sessionId, uri, this.maxPerSession)) {
			throw McpException.invalidParams("This session already has " + this.maxPerSession
					+ " resource subscriptions, the most allowed; unsubscribe from one first");
		}
		if (!this.sessions.isLive(sessionId)) {
			// the session ended while subscribing: its listener call may have come first
			sessionEnded(sessionId, true);
		}
	}

	void unsubscribe(String sessionId, String uri) {
		this.store.unsubscribe(sessionId, uri);
	}

	@Override
	public void sessionEnded(String sessionId, boolean local) {
		this.store.remove(sessionId);
	}

	/**
	 * Returns the number of subscriptions this process keeps in memory, of all sessions.
	 * @return the number of subscriptions
	 */
	int count() {
		return this.store.count();
	}

	/**
	 * Sends {@code notifications/resources/updated} to every session subscribed to the
	 * URI.
	 * @param uri the URI of the resource that changed
	 */
	void resourceUpdated(String uri) {
		JsonRpcNotification notification = JsonRpcNotification.of("notifications/resources/updated",
				Map.of("uri", uri));
		for (String sessionId : this.store.subscribers(uri)) {
			if (!this.streams.send(sessionId, notification) && !this.sessions.isLive(sessionId)) {
				sessionEnded(sessionId, true);
				this.store.unsubscribe(sessionId, uri);
			}
		}
	}

}
