package dev.mcpspring.internal.session.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

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
 * <p>
 * Each instance caches the sessions it read, so that most lookups need no Redis: a cached
 * session is served for at most {@value #MAX_STALENESS_MILLIS} ms (a quarter of the
 * session timeout when that is shorter) after it was read, then read again, which also
 * renews it in Redis. A session ended or changed on one instance is dropped from the
 * caches of the others at once over the {@link RedisSessionRelay} (pub/sub, at most once);
 * when such a message is lost, the bound still holds. Hence renewals (expiry and the
 * last-use set) have that granularity: a session expires between the timeout less the
 * bound and the timeout after its last use, and eviction picks the least recently used
 * within the bound. Only sessions found in Redis are cached, at most {@code cacheSize}.
 */
public class RedisMcpSessionStore implements McpSessionStore {

	/** How long a cached session is served without reading it again, at most. */
	public static final long MAX_STALENESS_MILLIS = 100;

	private static final RedisScript<List> SAVE = RedisScript.of("""
			local t = redis.call('TIME')
			local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
			local evicted = {}
			local existed = redis.call('EXISTS', KEYS[1]) == 1
			if not existed then
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
			table.insert(evicted, 1, existed and 'changed' or 'new')
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

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	private final int cacheSize;

	private final long staleMillis;

	private volatile long lastPurge;

	private volatile Consumer<String> changes = (id) -> {
	};

	/**
	 * Creates a store.
	 * @param connectionFactory connects to Redis
	 * @param mapper writes sessions as JSON
	 * @param name the prefix of the keys
	 * @param timeout how long a session may stay idle before it expires
	 * @param maxSessions how many sessions are kept at most, over all instances
	 * @param cacheSize how many sessions this instance caches at most; 0 caches none
	 */
	public RedisMcpSessionStore(RedisConnectionFactory connectionFactory, ObjectMapper mapper, String name,
			Duration timeout, int maxSessions, int cacheSize) {
		this.redis = new StringRedisTemplate(connectionFactory);
		this.mapper = mapper;
		// every key of the store is named here
		this.prefix = name + ":session:";
		this.lastUse = name + ":session-last-use";
		this.timeout = timeout;
		this.maxSessions = maxSessions;
		this.cacheSize = cacheSize;
		this.staleMillis = Math.max(1, Math.min(MAX_STALENESS_MILLIS, timeout.toMillis() / 4));
		this.lastPurge = now();
	}

	/**
	 * Sets what tells the other instances that a session changed, so that they drop it
	 * from their caches.
	 * @param changes takes the id of a changed session
	 */
	public void onChange(Consumer<String> changes) {
		this.changes = changes;
	}

	@Override
	public void save(McpSession session) {
		long now = now();
		List<?> result = this.redis.execute(SAVE, List.of(this.prefix + session.id(), this.lastUse), session.id(),
				write(session), String.valueOf(this.timeout.toMillis()), String.valueOf(this.maxSessions), this.prefix);
		this.served.put(session.id(), Boolean.TRUE);
		remember(session, now);
		if (result != null && !result.isEmpty()) {
			if ("changed".equals(String.valueOf(result.get(0)))) {
				this.changes.accept(session.id());
			}
			for (Object id : result.subList(1, result.size())) {
				ended(String.valueOf(id), true);
			}
		}
	}

	/**
	 * Finds a session: in this instance's cache when it was read less than the staleness
	 * bound ago, otherwise in Redis, renewing it there.
	 */
	@Override
	public Optional<McpSession> find(String id) {
		long now = now();
		Cached cached = this.cache.get(id);
		if (cached != null && now - cached.readAt() < this.staleMillis) {
			return Optional.of(cached.session());
		}
		String json = this.redis.execute(FIND, List.of(this.prefix + id, this.lastUse), id,
				String.valueOf(this.timeout.toMillis()));
		if (json == null) {
			this.cache.remove(id);
			return Optional.empty();
		}
		this.served.put(id, Boolean.TRUE);
		McpSession session = read(json);
		remember(session, now);
		return Optional.of(session);
	}

	@Override
	public boolean isLive(String id) {
		Cached cached = this.cache.get(id);
		return (cached != null && now() - cached.readAt() < this.staleMillis)
				|| Boolean.TRUE.equals(this.redis.hasKey(this.prefix + id));
	}

	@Override
	public boolean delete(String id) {
		this.cache.remove(id);
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
	 * Returns the number of sessions in this instance's cache.
	 * @return the number of cached sessions
	 */
	public int cachedCount() {
		return this.cache.size();
	}

	/**
	 * Returns whether this instance's cache holds a session, however long ago it was read.
	 * @param id the session id
	 * @return whether the session is cached
	 */
	public boolean isCached(String id) {
		return this.cache.containsKey(id);
	}

	/**
	 * Tells the listeners that another instance ended a session, and drops it from the
	 * cache.
	 * @param id the session id
	 */
	public void endedElsewhere(String id) {
		this.cache.remove(id);
		if (this.served.remove(id) != null) {
			this.listeners.sessionEnded(id, false);
		}
	}

	/**
	 * Drops a session another instance changed from the cache, so that it is read again.
	 * @param id the session id
	 */
	public void changedElsewhere(String id) {
		this.cache.remove(id);
	}

	private void ended(String id, boolean local) {
		this.cache.remove(id);
		this.served.remove(id);
		this.listeners.sessionEnded(id, local);
	}

	/**
	 * Caches a session read from or written to Redis at {@code readAt} (taken before the
	 * command was sent). A full cache first drops the sessions read too long ago (at most
	 * once per staleness bound); when still full, the session is not cached.
	 */
	private void remember(McpSession session, long readAt) {
		if (this.cacheSize == 0) {
			return;
		}
		if (this.cache.size() >= this.cacheSize && !this.cache.containsKey(session.id())) {
			if (readAt - this.lastPurge >= this.staleMillis) {
				purgeStale(readAt);
			}
			if (this.cache.size() >= this.cacheSize) {
				return;
			}
		}
		this.cache.put(session.id(), new Cached(session, readAt));
	}

	private void purgeStale(long now) {
		this.lastPurge = now;
		this.cache.values().removeIf((cached) -> now - cached.readAt() >= this.staleMillis);
	}

	private static long now() {
		return System.nanoTime() / 1_000_000;
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

	private record Cached(McpSession session, long readAt) {
	}

}
