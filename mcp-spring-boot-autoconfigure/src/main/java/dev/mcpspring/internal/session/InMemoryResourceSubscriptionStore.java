package dev.mcpspring.internal.session;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resource subscriptions of a single process, in memory.
 */
public class InMemoryResourceSubscriptionStore implements McpResourceSubscriptionStore {

	private final Map<String, Set<String>> sessionsByUri = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> urisBySession = new ConcurrentHashMap<>();

	@Override
	public boolean subscribe(String sessionId, String uri, int max) {
		boolean[] subscribed = { true };
		this.urisBySession.compute(sessionId, (key, uris) -> {
			Set<String> result = (uris != null) ? uris : ConcurrentHashMap.newKeySet();
			if (result.size() >= max && !result.contains(uri)) {
				subscribed[0] = false;
			}
			else {
				result.add(uri);
			}
			return result.isEmpty() ? null : result;
		});
		if (subscribed[0]) {
			this.sessionsByUri.compute(uri, (key, subscribers) -> {
				Set<String> result = (subscribers != null) ? subscribers : ConcurrentHashMap.newKeySet();
				result.add(sessionId);
				return result;
			});
		}
		return subscribed[0];
	}

	@Override
	public void unsubscribe(String sessionId, String uri) {
		this.urisBySession.computeIfPresent(sessionId, (key, uris) -> {
			uris.remove(uri);
			return uris.isEmpty() ? null : uris;
		});
		removeSubscriber(uri, sessionId);
	}

	@Override
	public Set<String> subscribers(String uri) {
		Set<String> subscribers = this.sessionsByUri.get(uri);
		return (subscribers != null) ? Set.copyOf(subscribers) : Set.of();
	}

	@Override
	public void remove(String sessionId) {
		Set<String> uris = this.urisBySession.remove(sessionId);
		if (uris != null) {
			uris.forEach((uri) -> removeSubscriber(uri, sessionId));
		}
	}

	@Override
	public int count() {
		return this.urisBySession.values().stream().mapToInt(Set::size).sum();
	}

	private void removeSubscriber(String uri, String sessionId) {
		this.sessionsByUri.computeIfPresent(uri, (key, subscribers) -> {
			subscribers.remove(sessionId);
			return subscribers.isEmpty() ? null : subscribers;
		});
	}

}
