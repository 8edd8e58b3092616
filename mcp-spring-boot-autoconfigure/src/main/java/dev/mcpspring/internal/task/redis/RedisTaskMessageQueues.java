package dev.mcpspring.internal.task.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import dev.mcpspring.internal.session.redis.RedisSessionRelay;
import dev.mcpspring.internal.task.TaskMessageQueues;
import dev.mcpspring.internal.wire.JsonRpcNotification;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link TaskMessageQueues} in Redis, so that whichever instance serves a task's
 * {@code tasks/result} delivers the requests the task sends to its client, wherever the
 * task runs. A task's requests wait in a list {@code <name>:task-messages:<taskId>} of at
 * most a maximum length, which expires one client-request timeout after its last request
 * (by then every process has stopped waiting for the answers) and is deleted when the run
 * that filled it ends. Each queued request is announced over the {@link RedisSessionRelay},
 * and taken by one instance ({@code LPOP}).
 */
public class RedisTaskMessageQueues implements TaskMessageQueues {

	private static final Log logger = LogFactory.getLog(RedisTaskMessageQueues.class);

	private static final RedisScript<Long> OFFER = RedisScript.of("""
			if redis.call('LLEN', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
			redis.call('RPUSH', KEYS[1], ARGV[1])
			redis.call('PEXPIRE', KEYS[1], ARGV[3])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final ObjectMapper mapper;

	private final String prefix;

	private final int maxQueued;

	private final Duration expiry;

	private final RedisSessionRelay relay;

	private final Set<String> filled = ConcurrentHashMap.newKeySet();

	/**
	 * Creates the queues.
	 * @param connectionFactory connects to Redis
	 * @param mapper writes and reads the requests as JSON
	 * @param name the prefix of the keys
	 * @param maxQueued the most requests queued for one task
	 * @param expiry how long a task's queue outlives its last request: the client-request
	 * timeout
	 * @param relay announces queued requests to the other instances
	 */
	public RedisTaskMessageQueues(RedisConnectionFactory connectionFactory, ObjectMapper mapper, String name,
			int maxQueued, Duration expiry, RedisSessionRelay relay) {
		this.redis = new StringRedisTemplate(connectionFactory);
		this.mapper = mapper;
		this.prefix = name + ":task-messages:";
		this.maxQueued = maxQueued;
		this.expiry = expiry;
		this.relay = relay;
	}

	@Override
	public boolean offer(String taskId, @Nullable String sessionId, JsonRpcNotification message) {
		this.filled.add(taskId);
		Long queued = this.redis.execute(OFFER, List.of(this.prefix + taskId), this.mapper.writeValueAsString(message),
				Integer.toString(this.maxQueued), Long.toString(Math.max(1, this.expiry.toMillis())));
		if (queued == null || queued == 0) {
			return false;
		}
		this.relay.taskMessagesQueued((sessionId != null) ? sessionId : "", taskId);
		return true;
	}

	@Override
	public List<JsonRpcNotification> take(String taskId) {
		List<String> queued = this.redis.opsForList().leftPop(this.prefix + taskId, this.maxQueued);
		if (queued == null || queued.isEmpty()) {
			return List.of();
		}
		List<JsonRpcNotification> messages = new ArrayList<>(queued.size());
		for (String json : queued) {
			JsonNode message = this.mapper.readTree(json);
			JsonNode id = message.path("id");
			messages.add(JsonRpcNotification.request(id.isNumber() ? id.numberValue() : id.asString(),
					message.path("method").asString(), message.get("params")));
		}
		return messages;
	}

	/**
	 * Deletes the queue of a task whose run in this process filled it.
	 */
	@Override
	public void ended(String taskId) {
		if (this.filled.remove(taskId)) {
			try {
				this.redis.delete(this.prefix + taskId);
			}
			catch (RuntimeException ex) {
				logger.debug("Could not delete the queued requests of task " + taskId + "; they expire", ex);
			}
		}
	}

	/**
	 * Does nothing: the queues of a session's tasks are deleted when their runs end, and
	 * expire.
	 */
	@Override
	public void sessionEnded(String sessionId) {
	}

	@Override
	public int queuedTaskCount() {
		return this.filled.size();
	}

}
