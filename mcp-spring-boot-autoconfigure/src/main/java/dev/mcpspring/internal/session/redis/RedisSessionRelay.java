package dev.mcpspring.internal.session.redis;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.mcpspring.internal.docket.DocketKey;
import dev.mcpspring.internal.docket.redis.RedisSubscription;
import dev.mcpspring.internal.session.McpInFlightRequests;
import dev.mcpspring.internal.session.McpSessionRelay;
import dev.mcpspring.internal.session.McpSessionStore;
import dev.mcpspring.internal.session.McpSessionStreams;
import dev.mcpspring.internal.session.McpSubscriptions;
import dev.mcpspring.internal.wire.JsonRpcMessage;
import dev.mcpspring.internal.wire.RandomIds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link McpSessionRelay} over Redis pub/sub: every instance subscribes to the channel
 * {@code <name>:sessions} (messages for a session's streams go through the
 * {@link dev.mcpspring.internal.session.McpStreamJournal} instead): the end of a session to all, a cancellation to the instance handling the
 * request, the change of a session to all (which drop it from their caches), and a list
 * change or resource update to all (for their
 * {@code subscriptions/listen} streams, with no session id). A client's answer to a
 * request the receiving instance does not wait for goes to all, and completes the request
 * where it waits, if it was sent to the same session; the news that a background task
 * queued a request to its client goes to all, for the instance serving the task's
 * {@code tasks/result}. Messages are {@code <kind>\n<origin>\n<session id>\n<JSON>}, so that an
 * instance that holds no stream of the session skips them without parsing JSON, and
 * carry an HMAC under the {@link DocketKey}: a message another application forged is
 * ignored (see {@link RedisSubscription}).
 * Delivery is at most once: a message published while an instance's subscription
 * reconnects is lost, as a message to a closed stream would be.
 */
public class RedisSessionRelay implements McpSessionRelay, SmartLifecycle {

	/** Started before the web server takes requests, stopped after it has drained them. */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Log logger = LogFactory.getLog(RedisSessionRelay.class);

	private final RedisConnectionFactory connectionFactory;

	private final StringRedisTemplate redis;

	private final ObjectMapper mapper;

	private final String channel;

	private final Supplier<@Nullable McpSessionStreams> streams;

	private final Supplier<@Nullable McpSessionStore> sessions;

	private final Supplier<@Nullable McpInFlightRequests> requests;

	private final Supplier<@Nullable McpSubscriptions> subscriptions;

	private final String origin = RandomIds.next().substring(0, 16);

	private final DocketKey key;

	private volatile @Nullable RedisSubscription subscription;

	private volatile @Nullable Consumer<String> taskMessagesQueued;

	/**
	 * Creates a relay.
	 * @param connectionFactory connects to Redis
	 * @param mapper writes messages as JSON
	 * @param name the prefix of the channel
	 * @param key authenticates the messages
	 * @param streams the streams of this process, which take relayed messages
	 * @param sessions the session store of this process, told of sessions ended elsewhere
	 * @param requests the requests this process is handling, which relayed cancellations
	 * cancel
	 * @param subscriptions the {@code subscriptions/listen} streams of this process, which
	 * take changes made on other instances
	 */
	public RedisSessionRelay(RedisConnectionFactory connectionFactory, ObjectMapper mapper, String name, DocketKey key,
			Supplier<@Nullable McpSessionStreams> streams, Supplier<@Nullable McpSessionStore> sessions,
			Supplier<@Nullable McpInFlightRequests> requests, Supplier<@Nullable McpSubscriptions> subscriptions) {
		this.connectionFactory = connectionFactory;
		this.redis = new StringRedisTemplate(connectionFactory);
		this.mapper = mapper;
		this.channel = name + ":sessions";
		this.key = key;
		this.streams = streams;
		this.sessions = sessions;
		this.requests = requests;
		this.subscriptions = subscriptions;
	}

	@Override
	public void sessionEnded(String sessionId) {
		publish('e', sessionId, "");
	}

	@Override
	public void cancelRequest(String sessionId, JsonNode requestId) {
		publish('c', sessionId, requestId.toString());
	}

	/**
	 * Publishes a change while the relay runs; the changes of a starting instance (its
	 * registries being filled) are not published.
	 */
	@Override
	public void publishChange(Object notification) {
		if (this.subscription != null) {
			publish('n', "", this.mapper.writeValueAsString(notification));
		}
	}

	@Override
	public void answer(String sessionId, JsonRpcMessage response) {
		ObjectNode json = this.mapper.createObjectNode().put("jsonrpc", JsonRpcMessage.VERSION);
		json.set("id", response.id());
		if (response.error() != null) {
			json.set("error", response.error());
		}
		else {
			json.set("result", response.result());
		}
		publish('a', sessionId, json.toString());
	}

	/**
	 * Tells the other instances that a background task queued a request to its client.
	 * @param sessionId the session that submitted the task, or empty
	 * @param taskId the task id
	 */
	public void taskMessagesQueued(String sessionId, String taskId) {
		publish('q', sessionId, this.mapper.writeValueAsString(taskId));
	}

	/**
	 * Sets what learns of the requests that tasks running in other processes queued.
	 * @param listener takes the task id
	 */
	public void onTaskMessagesQueued(Consumer<String> listener) {
		this.taskMessagesQueued = listener;
	}

	private void publish(char kind, String sessionId, String json) {
		try {
			this.redis.convertAndSend(this.channel,
					RedisSubscription.message(this.key, this.channel, kind, this.origin, sessionId + "\n" + json));
		}
		catch (RuntimeException ex) {
			logger.debug("Could not relay a message for session " + sessionId, ex);
		}
	}

	@Override
	public synchronized void start() {
		if (this.sessions.get() instanceof RedisMcpSessionStore store) {
			store.onChange((sessionId) -> publish('u', sessionId, ""));
		}
		if (this.subscription == null) {
			RedisSubscription subscription = new RedisSubscription(this.connectionFactory, this.channel, this.origin,
					this.key, this::receive, "mcp-session-relay");
			subscription.start();
			this.subscription = subscription;
		}
	}

	@Override
	public synchronized void stop() {
		if (this.subscription != null) {
			this.subscription.stop();
			this.subscription = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.subscription != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Hands a message relayed by another instance to this process's streams, session store,
	 * requests and listen streams.
	 */
	private void receive(char kind, String payload) {
		int newline = payload.indexOf('\n');
		if (newline < 0) {
			return;
		}
		String sessionId = payload.substring(0, newline);
		String json = payload.substring(newline + 1);
		try {
			switch (kind) {
				case 'e' -> {
					if (this.sessions.get() instanceof RedisMcpSessionStore store) {
						store.endedElsewhere(sessionId);
					}
					else {
						McpSessionStreams streams = this.streams.get();
						if (streams != null) {
							streams.removeLocally(sessionId);
						}
					}
				}
				case 'u' -> {
					if (this.sessions.get() instanceof RedisMcpSessionStore store) {
						store.changedElsewhere(sessionId);
					}
				}
				case 'c' -> {
					McpInFlightRequests requests = this.requests.get();
					if (requests != null) {
						requests.cancelRequest(sessionId, this.mapper.readTree(json));
					}
				}
				case 'n' -> {
					McpSubscriptions subscriptions = this.subscriptions.get();
					if (subscriptions != null && subscriptions.count() > 0) {
						JsonNode notification = this.mapper.readTree(json);
						JsonNode uri = notification.path("params").path("uri");
						subscriptions.deliverLocally(notification.path("method").asString(),
								uri.isString() ? uri.stringValue() : null);
					}
				}
				case 'a' -> {
					McpInFlightRequests requests = this.requests.get();
					if (requests != null) {
						requests.answerClientRequest(sessionId, JsonRpcMessage.from(this.mapper.readTree(json)));
					}
				}
				case 'q' -> {
					Consumer<String> listener = this.taskMessagesQueued;
					if (listener != null) {
						listener.accept(this.mapper.readTree(json).asString());
					}
				}
				default -> logger.debug("Ignoring a relayed message of unknown kind " + kind);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not handle a message relayed for session " + sessionId, ex);
		}
	}

}
