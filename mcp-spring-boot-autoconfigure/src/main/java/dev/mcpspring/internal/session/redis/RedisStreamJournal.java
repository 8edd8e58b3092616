package dev.mcpspring.internal.session.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import dev.mcpspring.internal.docket.DocketKey;
import dev.mcpspring.internal.docket.redis.RedisSubscription;
import dev.mcpspring.internal.session.McpStreamJournal;
import dev.mcpspring.internal.wire.RandomIds;

/**
 * A {@link McpStreamJournal} in Redis: each stream is the Redis stream
 * {@code <name>:sse:<session id>:<stream id>} whose entries have the ids
 * {@code <sequence>-1} (a new stream starts with the entry {@code 0-1}, which is no
 * event), trimmed with {@code MAXLEN ~} to the replay buffer, and the hash
 * {@code <name>:sse:<session id>} names the session's streams and (field
 * {@code standalone}) its standalone stream, so that they are deleted with the session. Each append (one
 * Lua script) refreshes their expiry to the session timeout and publishes, on the channel
 * {@code <name>:sse} (HMAC-signed like the other channels), that the stream grew, so that
 * the instance holding its connection reads what is new.
 */
public class RedisStreamJournal implements McpStreamJournal, SmartLifecycle {

	/** Started before the web server takes requests, stopped after it has drained them. */
	public static final int PHASE = RedisSessionRelay.PHASE;

	private static final Log logger = LogFactory.getLog(RedisStreamJournal.class);

	private static final RedisScript<String> APPEND = RedisScript.of("""
			local id = ARGV[1]
			if id == '' then
				id = redis.call('HGET', KEYS[1], 'standalone')
				if not id then
					return false
				end
			else
				redis.call('HSET', KEYS[1], id, '1')
			end
			local key = KEYS[1] .. ':' .. id
			local seq = tonumber(ARGV[2])
			local last = redis.call('XREVRANGE', key, '+', '-', 'COUNT', 1)[1]
			if last then
				local s = tonumber(string.match(last[1], '^(%d+)'))
				if s > seq then
					seq = s
				end
			end
			seq = seq + 1
			redis.call('XADD', key, 'MAXLEN', '~', ARGV[3], seq .. '-1', 'd', ARGV[4], 'f', ARGV[5])
			redis.call('PEXPIRE', key, ARGV[6])
			redis.call('PEXPIRE', KEYS[1], ARGV[6])
			redis.call('PUBLISH', ARGV[7], ARGV[8])
			return id .. '-' .. seq
			""", String.class);

	private static final RedisScript<String> STANDALONE = RedisScript.of("""
			local id = redis.call('HGET', KEYS[1], 'standalone')
			if not id then
				id = ARGV[1]
				redis.call('HSET', KEYS[1], 'standalone', id, id, '1')
			end
			local key = KEYS[1] .. ':' .. id
			if redis.call('EXISTS', key) == 0 then
				redis.call('XADD', key, '0-1', 'd', '')
			end
			redis.call('PEXPIRE', key, ARGV[2])
			redis.call('PEXPIRE', KEYS[1], ARGV[2])
			return id
			""", String.class);

	private static final RedisScript<Long> DELETE = RedisScript.of("""
			for _, id in ipairs(redis.call('HKEYS', KEYS[1])) do
				if id ~= 'standalone' then
					redis.call('UNLINK', KEYS[1] .. ':' .. id)
				end
			end
			return redis.call('UNLINK', KEYS[1])
			""", Long.class);

	private final RedisConnectionFactory connectionFactory;

	private final StringRedisTemplate redis;

	private final String prefix;

	private final String channel;

	private final DocketKey key;

	private final String ttl;

	private final String maxLength;

	private final String origin = RandomIds.next().substring(0, 16);

	private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();

	private volatile @Nullable RedisSubscription subscription;

	/**
	 * Creates a journal.
	 * @param connectionFactory connects to Redis
	 * @param name the prefix of the keys and the channel
	 * @param key authenticates the notifications
	 * @param sessionTimeout how long a stream outlives its last use (the session timeout)
	 * @param replayBuffer how many events of each stream are kept (about)
	 */
	public RedisStreamJournal(RedisConnectionFactory connectionFactory, String name, DocketKey key,
			Duration sessionTimeout, int replayBuffer) {
		this.connectionFactory = connectionFactory;
		this.redis = new StringRedisTemplate(connectionFactory);
		this.prefix = name + ":sse:";
		this.channel = name + ":sse";
		this.key = key;
		this.ttl = String.valueOf(sessionTimeout.toMillis());
		this.maxLength = String.valueOf(replayBuffer);
	}

	@Override
	public long append(String sessionId, String streamId, long floor, String json, boolean last) {
		String id = this.redis.execute(APPEND, List.of(this.prefix + sessionId), streamId, String.valueOf(floor),
				this.maxLength, json, last ? "1" : "0", this.ttl, this.channel, notification(sessionId, streamId));
		return (id != null) ? Long.parseLong(id.substring(id.lastIndexOf('-') + 1)) : -1;
	}

	/**
	 * Appends a message to the session's standalone stream; when Redis cannot be reached,
	 * the message is lost (as a relayed one would be) and counts as handed on.
	 */
	@Override
	public boolean appendToStandalone(String sessionId, String json) {
		try {
			return this.redis.execute(APPEND, List.of(this.prefix + sessionId), "", "0", this.maxLength, json, "0",
					this.ttl, this.channel, notification(sessionId, "")) != null;
		}
		catch (RuntimeException ex) {
			logger.debug("Could not keep a message for session " + sessionId, ex);
			return true;
		}
	}

	@Override
	public String standalone(String sessionId, String candidate) {
		String id = this.redis.execute(STANDALONE, List.of(this.prefix + sessionId), candidate, this.ttl);
		return (id != null) ? id : candidate;
	}

	@Override
	public @Nullable String standaloneId(String sessionId) {
		Object id = this.redis.opsForHash().get(this.prefix + sessionId, "standalone");
		return (id instanceof String string) ? string : null;
	}

	@Override
	public void delete(String sessionId) {
		this.redis.execute(DELETE, List.of(this.prefix + sessionId));
	}

	@Override
	public void delete(String sessionId, List<String> streamIds) {
		try {
			this.redis.unlink(streamIds.stream().map((id) -> streamKey(sessionId, id)).toList());
			this.redis.opsForHash().delete(this.prefix + sessionId, streamIds.toArray());
		}
		catch (RuntimeException ex) {
			logger.debug("Could not delete ended streams of session " + sessionId, ex);
		}
	}

	@Override
	public long lastSequence(String sessionId, String streamId) {
		List<MapRecord<String, Object, Object>> last = this.redis.opsForStream()
			.reverseRange(streamKey(sessionId, streamId), Range.unbounded(), Limit.limit().count(1));
		return (last == null || last.isEmpty()) ? -1 : sequenceOf(last.get(0));
	}

	@Override
	public List<Event> read(String sessionId, String streamId, long after, int count) {
		List<MapRecord<String, Object, Object>> records = this.redis.opsForStream()
			.range(streamKey(sessionId, streamId), Range.rightUnbounded(Range.Bound.inclusive((after + 1) + "-0")),
					Limit.limit().count(count));
		List<Event> events = new ArrayList<>();
		if (records != null) {
			for (MapRecord<String, Object, Object> record : records) {
				Map<Object, Object> fields = record.getValue();
				long sequence = sequenceOf(record);
				if (sequence > after && fields.get("d") instanceof String json) {
					events.add(new Event(sequence, json, "1".equals(fields.get("f"))));
				}
			}
		}
		return events;
	}

	@Override
	public void onAppended(BiConsumer<String, String> listener) {
		this.listeners.add(listener);
	}

	private String streamKey(String sessionId, String streamId) {
		return this.prefix + sessionId + ":" + streamId;
	}

	private static long sequenceOf(MapRecord<String, Object, Object> record) {
		String id = record.getId().getValue();
		return Long.parseLong(id.substring(0, id.indexOf('-')));
	}

	private String notification(String sessionId, String streamId) {
		return RedisSubscription.message(this.key, this.channel, 'a', this.origin, sessionId + "\n" + streamId);
	}

	private void receive(char kind, String payload) {
		int newline = payload.indexOf('\n');
		if (kind == 'a' && newline > 0) {
			String sessionId = payload.substring(0, newline);
			String streamId = payload.substring(newline + 1);
			this.listeners.forEach((listener) -> listener.accept(sessionId, streamId));
		}
	}

	/**
	 * Subscribes to the announcements of appends, unless nothing here listens to them (a
	 * worker node holds no connection).
	 */
	@Override
	public synchronized void start() {
		if (this.subscription == null && !this.listeners.isEmpty()) {
			RedisSubscription subscription = new RedisSubscription(this.connectionFactory, this.channel, this.origin,
					this.key, this::receive, "mcp-sse-journal");
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

}
