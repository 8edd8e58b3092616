package dev.mcpspring.internal.docket.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.ByteRecord;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.util.ClassUtils;

/**
 * Where one worker waits for ready work: a blocking {@code XREADGROUP} on a connection of
 * its own (Spring Data Redis runs blocking commands on a dedicated connection, never on
 * the shared one), kept open between reads. After a failure the connection is replaced,
 * and the worker's pending entries are read again, since a reply may have been lost.
 */
final class StreamReader {

	private static final Log logger = LogFactory.getLog(StreamReader.class);

	private static final long MAX_BLOCK_MILLIS = 1000;

	private static final boolean LETTUCE_PRESENT = ClassUtils.isPresent(
			"org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
			StreamReader.class.getClassLoader()) && ClassUtils.isPresent("io.lettuce.core.RedisClient",
					StreamReader.class.getClassLoader());

	private final RedisConnectionFactory connectionFactory;

	private final byte[] streamKey;

	private final Consumer consumer;

	private final long recoverPeriodNanos;

	private final long maxBlockMillis;

	private @Nullable RedisConnection connection;

	private long nextRecover = System.nanoTime();

	private volatile boolean busy;

	/**
	 * Creates the reader of one worker.
	 * @param connectionFactory connects to Redis
	 * @param streamKey the stream
	 * @param group the consumer group
	 * @param workerId the worker, the group's consumer
	 * @param recoverPeriod how often to read the worker's pending entries again
	 */
	StreamReader(RedisConnectionFactory connectionFactory, String streamKey, String group, String workerId,
			Duration recoverPeriod) {
		this.connectionFactory = connectionFactory;
		this.streamKey = streamKey.getBytes(StandardCharsets.UTF_8);
		this.consumer = Consumer.from(group, workerId);
		this.recoverPeriodNanos = recoverPeriod.toNanos();
		this.maxBlockMillis = maxBlockMillis(connectionFactory);
	}

	/**
	 * Returns how long one read may block: a second at most, and less than the client's
	 * command timeout, so that a quiet stream never looks like a failure.
	 * @return the longest block in milliseconds
	 */
	long maxBlockMillis() {
		return this.maxBlockMillis;
	}

	/**
	 * Returns whether to read this worker's pending entries again: at first, after a
	 * failure, and once per period, since a client that resends commands after a
	 * reconnect may have lost the reply that delivered them.
	 * @return whether to recover now
	 */
	synchronized boolean recoverDue() {
		long now = System.nanoTime();
		if (now - this.nextRecover < 0) {
			return false;
		}
		this.nextRecover = now + this.recoverPeriodNanos;
		return true;
	}

	/**
	 * Returns whether the last read took as many entries as it could, so that more are
	 * likely waiting and the next read need not block: the docket's script reads them
	 * and starts their tasks in one call.
	 * @return whether the stream looked busy
	 */
	boolean busy() {
		return this.busy;
	}

	/**
	 * Records whether the last read took as many entries as it could.
	 * @param busy whether the stream looked busy
	 */
	void busy(boolean busy) {
		this.busy = busy;
	}

	/**
	 * Reads new entries, waiting for the first.
	 * @param max the most entries
	 * @param blockMillis the longest to wait; 0 or less reads without waiting
	 * @return the entries, possibly none
	 */
	synchronized List<ByteRecord> read(int max, long blockMillis) {
		if (this.connection == null || this.connection.isClosed()) {
			this.connection = this.connectionFactory.getConnection();
		}
		StreamReadOptions options = StreamReadOptions.empty().count(max);
		if (blockMillis > 0) {
			options = options.block(Duration.ofMillis(blockMillis));
		}
		List<ByteRecord> records = this.connection.streamCommands()
			.xReadGroup(this.consumer, options, StreamOffset.create(this.streamKey, ReadOffset.lastConsumed()));
		return (records != null) ? records : List.of();
	}

	/**
	 * Closes the connection after a failure (the next read opens a new one) and has the
	 * worker's pending entries read again.
	 */
	synchronized void reset() {
		this.nextRecover = System.nanoTime();
		close();
	}

	/**
	 * Closes the connection.
	 */
	synchronized void close() {
		if (this.connection != null) {
			try {
				this.connection.close();
			}
			catch (RuntimeException ex) {
				logger.debug("Failed to close a docket connection", ex);
			}
			this.connection = null;
		}
	}

	/**
	 * Returns the task id of an entry (its field {@code t}).
	 * @param record the entry
	 * @return the task id, or {@code ""}
	 */
	static String taskIdOf(ByteRecord record) {
		for (Map.Entry<byte[], byte[]> field : record.getValue().entrySet()) {
			if (field.getKey().length == 1 && field.getKey()[0] == 't') {
				return new String(field.getValue(), StandardCharsets.UTF_8);
			}
		}
		return "";
	}

	private static long maxBlockMillis(RedisConnectionFactory connectionFactory) {
		long timeout = LETTUCE_PRESENT ? LettuceTimeout.of(connectionFactory) : 0;
		return (timeout > 0) ? Math.max(1, Math.min(MAX_BLOCK_MILLIS, timeout / 2)) : MAX_BLOCK_MILLIS;
	}

	/**
	 * Reads Lettuce's command timeout; only loaded when Lettuce is on the class path.
	 */
	private static final class LettuceTimeout {

		static long of(RedisConnectionFactory connectionFactory) {
			return (connectionFactory instanceof LettuceConnectionFactory lettuce) ? lettuce.getTimeout() : 0;
		}

	}

}
