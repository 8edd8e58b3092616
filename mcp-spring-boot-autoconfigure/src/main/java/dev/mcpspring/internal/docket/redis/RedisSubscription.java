package dev.mcpspring.internal.docket.redis;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import dev.mcpspring.internal.docket.DaemonThreads;
import dev.mcpspring.internal.docket.DocketKey;

/**
 * A subscription to one Redis channel whose messages are handled one at a time, in the
 * order they were published, on a thread of its own. Messages are
 * {@code <hmac>\n<kind>\n<origin>\n<payload>}, authenticated with HMAC-SHA256 under a
 * key derived from {@code mcp.tasks.encryption-key} (over the channel name and the rest),
 * so that another application on the same Redis cannot forge one: a message without a
 * valid code is ignored (and counted, and logged at debug). Those this process published
 * (its own origin) are skipped. When Redis cannot be reached at start, it keeps trying in the background
 * instead of failing; once subscribed, the client re-subscribes by itself after a
 * connection drops.
 */
public final class RedisSubscription {

	private static final Log logger = LogFactory.getLog(RedisSubscription.class);

	private static final long RETRY_SECONDS = 2;

	private final RedisConnectionFactory connectionFactory;

	private final String channel;

	private final String origin;

	private final DocketKey key;

	private final AtomicLong rejected = new AtomicLong();

	private final MessageListener listener;

	private final String threadName;

	private @Nullable RedisMessageListenerContainer container;

	@SuppressWarnings("NullAway.Init") // set by start(), used only while subscribed
	private ExecutorService dispatcher;

	@SuppressWarnings("NullAway.Init") // set by start(), used only while subscribed
	private ScheduledExecutorService retries;

	private boolean warned;

	/**
	 * Creates a subscription; {@link #start()} subscribes.
	 * @param connectionFactory connects to Redis
	 * @param channel the channel
	 * @param origin the origin of this process's own messages, which are skipped
	 * @param key authenticates the messages
	 * @param handler handles the messages of other processes
	 * @param threadName the name of the thread that handles them
	 */
	public RedisSubscription(RedisConnectionFactory connectionFactory, String channel, String origin, DocketKey key,
			Handler handler, String threadName) {
		this.connectionFactory = connectionFactory;
		this.channel = channel;
		this.origin = origin;
		this.key = key;
		this.listener = (message, pattern) -> receive(new String(message.getBody(), StandardCharsets.UTF_8), handler);
		this.threadName = threadName;
	}

	/**
	 * Formats a message to publish, with its authentication code.
	 * @param key authenticates the message
	 * @param channel the channel it is published on
	 * @param kind the kind of message
	 * @param origin the publishing process's origin
	 * @param payload the payload
	 * @return the message
	 */
	public static String message(DocketKey key, String channel, char kind, String origin, String payload) {
		String message = kind + "\n" + origin + "\n" + payload;
		return key.sign(channel + "\n" + message) + "\n" + message;
	}

	/**
	 * Returns how many messages were ignored because they were not authenticated.
	 * @return the number of forged, unsigned or malformed messages
	 */
	public long rejectedCount() {
		return this.rejected.get();
	}

	private void receive(String body, Handler handler) {
		int mac = body.indexOf('\n');
		String message = (mac > 0) ? body.substring(mac + 1) : "";
		int first = message.indexOf('\n');
		int second = (first > 0) ? message.indexOf('\n', first + 1) : -1;
		if (second > 0 && message.substring(first + 1, second).equals(this.origin)) {
			// Its own message, or one that claims to be: skipped either way, unverified
			return;
		}
		if (mac <= 0 || second <= 0 || !this.key.verify(this.channel + "\n" + message, body.substring(0, mac))) {
			this.rejected.incrementAndGet();
			if (logger.isDebugEnabled()) {
				logger.debug("Ignoring a message on " + this.channel + " without a valid authentication code");
			}
			return;
		}
		handler.handle(message.charAt(0), message.substring(second + 1));
	}

	/**
	 * Subscribes, now if Redis answers, otherwise as soon as it does.
	 */
	public synchronized void start() {
		if (this.container != null) {
			return;
		}
		this.dispatcher = Executors.newSingleThreadExecutor(DaemonThreads.named(this.threadName + "-"));
		this.retries = Executors
			.newSingleThreadScheduledExecutor(DaemonThreads.named(this.threadName + "-retry-"));
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(this.connectionFactory);
		container.setTaskExecutor(this.dispatcher);
		container.addMessageListener(this.listener, ChannelTopic.of(this.channel));
		container.afterPropertiesSet();
		this.container = container;
		subscribe();
	}

	/**
	 * Returns whether the channel is subscribed.
	 * @return whether messages are being received
	 */
	public synchronized boolean isListening() {
		return this.container != null && this.container.isListening();
	}

	/**
	 * Unsubscribes and stops the threads.
	 */
	public synchronized void stop() {
		if (this.container == null) {
			return;
		}
		try {
			this.container.stop();
			this.container.destroy();
		}
		catch (Exception ex) {
			logger.debug("Failed to close the subscription to " + this.channel, ex);
		}
		this.container = null;
		this.retries.shutdownNow();
		this.dispatcher.shutdown();
	}

	private synchronized void subscribe() {
		if (this.container == null || this.container.isRunning()) {
			return;
		}
		try {
			this.container.start();
			if (this.warned) {
				logger.info("Subscribed to " + this.channel);
			}
		}
		catch (RuntimeException ex) {
			if (!this.warned) {
				logger.warn("Could not subscribe to " + this.channel + " yet; retrying every " + RETRY_SECONDS + "s: "
						+ ex.getMessage());
				this.warned = true;
			}
			try {
				this.container.stop();
			}
			catch (RuntimeException stopFailure) {
				logger.debug("Failed to reset the subscription to " + this.channel, stopFailure);
			}
			this.retries.schedule(this::subscribe, RETRY_SECONDS, TimeUnit.SECONDS);
		}
	}

	/**
	 * Handles a message published by another process.
	 */
	@FunctionalInterface
	public interface Handler {

		/**
		 * Handles a message.
		 * @param kind the kind of message
		 * @param payload what follows the origin
		 */
		void handle(char kind, String payload);

	}

}
