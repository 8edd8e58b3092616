package dev.mcpspring.abuse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Everything an application keeps under a prefix in Redis, and everything it publishes
 * there, as text for tests to search.
 */
final class RedisContents {

	private RedisContents() {
	}

	/**
	 * Reads every key under a prefix, of every type, with its values.
	 * @param factory connects to Redis
	 * @param prefix the prefix ({@code mcp.docket.name})
	 * @return one line per key
	 */
	static List<String> dump(RedisConnectionFactory factory, String prefix) {
		StringRedisTemplate redis = new StringRedisTemplate(factory);
		List<String> keys = new ArrayList<>();
		try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(prefix + ":*").count(1000).build())) {
			cursor.forEachRemaining(keys::add);
		}
		List<String> lines = new ArrayList<>();
		for (String key : keys) {
			DataType type = redis.type(key);
			Object value = switch (type) {
				case STRING -> redis.opsForValue().get(key);
				case HASH -> redis.opsForHash().entries(key);
				case LIST -> redis.opsForList().range(key, 0, -1);
				case SET -> redis.opsForSet().members(key);
				case ZSET -> redis.opsForZSet().rangeWithScores(key, 0, -1);
				case STREAM -> redis.opsForStream().read(StreamOffset.fromStart(key)).stream()
					.map(MapRecord::getValue)
					.toList();
				default -> "";
			};
			lines.add(key + " (" + type + ") = " + value);
		}
		return lines;
	}

	/**
	 * Subscribes to every channel under a prefix.
	 * @param factory connects to Redis
	 * @param prefix the prefix
	 * @return the messages received, as {@code channel: body}, until the connection is
	 * closed
	 */
	static Subscription subscribe(RedisConnectionFactory factory, String prefix) {
		RedisConnection connection = factory.getConnection();
		List<String> messages = new CopyOnWriteArrayList<>();
		connection.pSubscribe((Message message, byte[] pattern) -> messages
			.add(new String(message.getChannel(), StandardCharsets.UTF_8) + ": "
					+ new String(message.getBody(), StandardCharsets.UTF_8)),
				(prefix + ":*").getBytes(StandardCharsets.UTF_8));
		await().atMost(Duration.ofSeconds(5)).until(connection::isSubscribed);
		return new Subscription(connection, messages);
	}

	record Subscription(RedisConnection connection, List<String> messages) implements AutoCloseable {

		@Override
		public void close() {
			this.connection.close();
		}

	}

}
