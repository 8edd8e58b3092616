package dev.mcpspring.internal.docket.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.mcpspring.internal.docket.DocketKey;

/**
 * Connections and key hygiene for tests against a real Redis server: each test uses a
 * docket name of its own, so that tests never see each other's keys.
 */
public final class RedisTestSupport {

	/** The base64 key of the tests' dockets ({@code mcp.tasks.encryption-key}). */
	public static final String KEY_BASE64 = "dGVzdC1vbmx5LWtleS1mb3ItbWNwLWRvY2tldHMtMzI=";

	/** The key of the tests' dockets. */
	public static final DocketKey KEY = DocketKey.fromBase64(KEY_BASE64);

	private RedisTestSupport() {
	}

	/**
	 * Connects to the test Redis server on {@code 127.0.0.1:6379}.
	 * @return a started connection factory; stop it with {@code destroy()}
	 */
	public static LettuceConnectionFactory connectionFactory() {
		return connectionFactory(RedisServerCondition.PORT);
	}

	/**
	 * Connects to a Redis server on {@code 127.0.0.1}.
	 * @param port the port
	 * @return a started connection factory; stop it with {@code destroy()}
	 */
	public static LettuceConnectionFactory connectionFactory(int port) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(RedisServerCondition.HOST, port));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	/**
	 * Returns a docket name no other test uses.
	 * @param test a word naming the test
	 * @return the name
	 */
	public static String uniqueName(String test) {
		return "mcp-test:" + test.toLowerCase(Locale.ROOT) + ":" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * Deletes every key under a docket name.
	 * @param factory the connection factory
	 * @param name the docket name
	 */
	public static void deleteKeys(RedisConnectionFactory factory, String name) {
		StringRedisTemplate redis = new StringRedisTemplate(factory);
		List<String> keys = new ArrayList<>();
		try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(name + ":*").count(1000).build())) {
			cursor.forEachRemaining(keys::add);
		}
		if (!keys.isEmpty()) {
			redis.delete(keys);
		}
	}

}
