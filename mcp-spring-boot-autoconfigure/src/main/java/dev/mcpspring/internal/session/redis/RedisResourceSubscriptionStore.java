package dev.mcpspring.internal.session.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import dev.mcpspring.internal.session.McpResourceSubscriptionStore;

/**
 * The resource subscriptions of the sessions of every instance, in Redis: the set
 * {@code <name>:subs:<session id>} holds a session's URIs (it expires the session timeout
 * after its last subscription) and the set {@code <name>:subscribers:<sha-256 of the URI>}
 * the sessions subscribed to a URI. A session's subscriptions are dropped when it ends;
 * a subscriber found ended when an update is sent is dropped then.
 */
public class RedisResourceSubscriptionStore implements McpResourceSubscriptionStore {

	private static final RedisScript<Long> SUBSCRIBE = RedisScript.of("""
			if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 0
					and redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[2]) then
				return 0
			end
			redis.call('SADD', KEYS[1], ARGV[1])
			redis.call('PEXPIRE', KEYS[1], ARGV[3])
			redis.call('SADD', KEYS[2], ARGV[4])
			return 1
			""", Long.class);

	private static final RedisScript<Long> UNSUBSCRIBE = RedisScript.of("""
			redis.call('SREM', KEYS[1], ARGV[1])
			redis.call('SREM', KEYS[2], ARGV[2])
			return 1
			""", Long.class);

	private static final RedisScript<Long> REMOVE = RedisScript.of("""
			for _, hash in ipairs(redis.call('SMEMBERS', KEYS[1])) do
				redis.call('SREM', ARGV[1] .. hash, ARGV[2])
			end
			redis.call('DEL', KEYS[1])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final String sessionPrefix;

	private final String uriPrefix;

	private final String ttl;

	/**
	 * Creates the store.
	 * @param connectionFactory connects to Redis
	 * @param name the prefix of the keys
	 * @param sessionTimeout how long a session's set outlives its last subscription
	 */
	public RedisResourceSubscriptionStore(RedisConnectionFactory connectionFactory, String name,
			Duration sessionTimeout) {
		this.redis = new StringRedisTemplate(connectionFactory);
		this.sessionPrefix = name + ":subs:";
		this.uriPrefix = name + ":subscribers:";
		this.ttl = String.valueOf(sessionTimeout.toMillis());
	}

	@Override
	public boolean subscribe(String sessionId, String uri, int max) {
		Long subscribed = this.redis.execute(SUBSCRIBE,
				List.of(this.sessionPrefix + sessionId, this.uriPrefix + sha256(uri)), sha256(uri),
				String.valueOf(max), this.ttl, sessionId);
		return subscribed != null && subscribed == 1;
	}

	@Override
	public void unsubscribe(String sessionId, String uri) {
		this.redis.execute(UNSUBSCRIBE, List.of(this.sessionPrefix + sessionId, this.uriPrefix + sha256(uri)),
				sha256(uri), sessionId);
	}

	@Override
	public Set<String> subscribers(String uri) {
		Set<String> members = this.redis.opsForSet().members(this.uriPrefix + sha256(uri));
		return (members != null) ? members : Set.of();
	}

	@Override
	public void remove(String sessionId) {
		this.redis.execute(REMOVE, List.of(this.sessionPrefix + sessionId), this.uriPrefix, sessionId);
	}

	/**
	 * Returns 0: the subscriptions are in Redis, not in this process.
	 */
	@Override
	public int count() {
		return 0;
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
