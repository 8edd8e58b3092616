package dev.mcpspring.internal.session.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

import dev.mcpspring.LoggingLevel;
import dev.mcpspring.internal.session.McpSession;
import dev.mcpspring.internal.session.McpSessionListener;
import dev.mcpspring.internal.session.McpSessionListeners;
import dev.mcpspring.internal.session.McpSessionStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link McpSessionStore} in Redis, shared by every instance of an application, so that
 * a client may send each request to any instance. A session is a JSON string under
 * {@code <name>:session:<id>} that expires when it has been idle for the session timeout;
 * each use renews it, and records the time of use (Redis server time) in the sorted set
 * {@code <name>:session-last-use}, which counts the sessions and names the least recently
 * used one to end when a new session would exceed the maximum. Deleting a session ends it
 * on every instance. Each instance remembers the sessions it served; its
 * {@link #sweep()} finds those that expired and tells the listeners.
 */
public class RedisMcpSessionStore implements McpSessionStore {

	private static final RedisScript<List> SAVE = RedisScript.of("""
			local t = redis.call('TIME')
			local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
			local evicted = {}
			if redis.call('EXISTS', KEYS[1]) == 0 then
				redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. (now - tonumber(ARGV[3])))
				local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[4]) + 1
				if excess > 0 then
					evicted = redis.call('ZRANGE', KEYS[2], 0, excess - 1)
					for _, id in ipairs(evicted) do
						redis.call('DEL', ARGV[5] .. id)
						redis.call('ZREM', KEYS[2], id)
					end
				end
			end
			redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
			redis.call('ZADD', KEYS[2], now, ARGV[1])
			return evicted
			""", List.class);

	private static final RedisScript<String> FIND = RedisScript.of("""
			local json = redis.call('GET', KEYS[1])
			if json then
				redis.call('PEXPIRE', KEYS[1], ARGV[2])
				local t = redis.call('TIME')
				redis.call('ZADD', KEYS[2], tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000), ARGV[1])
			end
			return json
			""", String.class);

	private static final RedisScript<Long> DELETE = RedisScript.of("""
			redis.call('ZREM', KEYS[2], ARGV[1])
			return redis.call('DEL', KEYS[1])
			""", Long.class);

	private static final RedisScript<Long> FORGET_EXPIRED = RedisScript.of("""
			local t = redis.call('TIME')
			local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
			return redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - tonumber(ARGV[1])))
			""", Long.class);

	private static final int SWEEP_BATCH = 500;

	private final StringRedisTemplate redis;

	private final ObjectMapper mapper;

	private final String prefix;

	private final String lastUse;

	private final Duration timeout;

	private final int maxSessions;

	private final McpSessionListeners listeners = new McpSessionListeners();

	private final Map<String, Boolean> served = new ConcurrentHashMap<>();

	/**
	 * Creates a store.
	 * @param connectionFactory connects to Redis
	 * @param mapper writes sessions as JSON
	 * @param name the prefix of the keys
	 * @param timeout how long a session may stay idle before it expires
	 * @param maxSessions how many sessions are kept at most, over all instances
	 */
	public RedisMcpSessionStore(RedisConnectionFactory connectionFactory, ObjectMapper mapper, String name,
			Duration timeout, int maxSessions) {
		this.redis = new StringRedisTemplate(connectionFactory);
		this.mapper = mapper;
		// every key of the store is named here
		this.prefix = name + ":session:";
		this.lastUse = name + ":session-last-use";
		this.timeout = timeout;
		this.maxSessions = maxSessions;
	}

	@Override
	public void save(McpSession session) {
		List<?> evicted = this.redis.execute(SAVE, List.of(this.prefix + session.id(), this.lastUse), session.id(),
				write(session), String.valueOf(this.timeout.toMillis()), String.valueOf(this.maxSessions), this.prefix);
		this.served.put(session.id(), Boolean.TRUE);
		if (evicted != null) {
			for (Object id : evicted) {
				ended(String.valueOf(id), true);
			}
		}
	}

	@Override
	public Optional<McpSession> find(String id) {
		String json = this.redis.execute(FIND, List.of(this.prefix + id, this.lastUse), id,
				String.valueOf(this.timeout.toMillis()));
		if (json == null) {
			return Optional.empty();
		}
		this.served.put(id, Boolean.TRUE);
		return Optional.of(read(json));
	}

	@Override
	public boolean isLive(String id) {
		return Boolean.TRUE.equals(this.redis.hasKey(this.prefix + id));
	}

	@Override
	public boolean delete(String id) {
		Long deleted = this.redis.execute(DELETE, List.of(this.prefix + id, this.lastUse), id);
		ended(id, true);
		return deleted != null && deleted > 0;
	}

	@Override
	public void addListener(McpSessionListener listener) {
		this.listeners.add(listener);
	}

	/**
	 * Forgets the expired entries of the last-use set, and tells the listeners of the
	 * sessions this instance served that expired. Checks the sessions in batches of
	 * pipelined {@code EXISTS}.
	 */
	@Override
	public void sweep() {
		this.redis.execute(FORGET_EXPIRED, List.of(this.lastUse), String.valueOf(this.timeout.toMillis()));
		List<String> ids = new ArrayList<>(this.served.keySet());
		for (int from = 0; from < ids.size(); from += SWEEP_BATCH) {
			List<String> batch = ids.subList(from, Math.min(ids.size(), from + SWEEP_BATCH));
			// a pipelined callback returns null, which NullAway cannot read from RedisCallback<T>
			@SuppressWarnings("NullAway")
			RedisCallback<Object> existsCommands = (connection) -> {
				batch.forEach((id) -> connection.keyCommands()
					.exists((this.prefix + id).getBytes(StandardCharsets.UTF_8)));
				return null;
			};
			List<Object> exists = this.redis.executePipelined(existsCommands);
			for (int i = 0; i < batch.size(); i++) {
				if (!Boolean.TRUE.equals(exists.get(i))) {
					ended(batch.get(i), true);
				}
			}
		}
	}

	@Override
	public long count() {
		Long count = this.redis.opsForZSet().zCard(this.lastUse);
		return (count != null) ? count : 0;
	}

	/**
	 * Tells the listeners that another instance ended a session.
	 * @param id the session id
	 */
	public void endedElsewhere(String id) {
		if (this.served.remove(id) != null) {
			this.listeners.sessionEnded(id, false);
		}
	}

	private void ended(String id, boolean local) {
		this.served.remove(id);
		this.listeners.sessionEnded(id, local);
	}

	private String write(McpSession session) {
		ObjectNode json = this.mapper.createObjectNode();
		json.put("id", session.id());
		json.put("protocolVersion", session.protocolVersion());
		json.set("clientInfo", session.clientInfo());
		json.set("clientCapabilities", session.clientCapabilities());
		json.put("logLevel", (session.logLevel() != null) ? session.logLevel().wireName() : null);
		json.put("createdAt", session.createdAt().toString());
		json.put("principal", session.principal());
		return this.mapper.writeValueAsString(json);
	}

	private McpSession read(String text) {
		JsonNode json = this.mapper.readTree(text);
		String level = text(json, "logLevel");
		return new McpSession(requiredText(json, "id"), requiredText(json, "protocolVersion"),
				node(json, "clientInfo"), node(json, "clientCapabilities"),
				(level != null) ? LoggingLevel.fromWireName(level) : null,
				Instant.parse(requiredText(json, "createdAt")), text(json, "principal"));
	}

	private static @Nullable JsonNode node(JsonNode json, String field) {
		JsonNode value = json.get(field);
		return (value != null && !value.isNull()) ? value : null;
	}

	private static @Nullable String text(JsonNode json, String field) {
		JsonNode value = node(json, field);
		return (value != null) ? value.asString() : null;
	}

	private static String requiredText(JsonNode json, String field) {
		String value = text(json, field);
		Assert.state(value != null, () -> "A stored MCP session has no \"" + field + "\"");
		return value;
	}

}
