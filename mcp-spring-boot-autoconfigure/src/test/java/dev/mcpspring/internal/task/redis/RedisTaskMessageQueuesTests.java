package dev.mcpspring.internal.task.redis;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.mcpspring.internal.docket.redis.RedisTestSupport;
import dev.mcpspring.internal.docket.redis.RequiresRedis;
import dev.mcpspring.internal.session.redis.RedisSessionRelay;
import dev.mcpspring.internal.wire.JsonRpcNotification;
import dev.mcpspring.internal.wire.McpJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis queues of the requests background tasks send to their clients: bounded per
 * task, taken once in order by any instance, expiring one client-request timeout after
 * the last request, and deleted when the run that filled them ends.
 */
@RequiresRedis
class RedisTaskMessageQueuesTests {

	private final String name = RedisTestSupport.uniqueName("task-messages");

	private LettuceConnectionFactory factory;

	private StringRedisTemplate redis;

	private RedisTaskMessageQueues running;

	private RedisTaskMessageQueues serving;

	@BeforeEach
	void createQueues() {
		this.factory = RedisTestSupport.connectionFactory();
		this.redis = new StringRedisTemplate(this.factory);
		RedisSessionRelay relay = new RedisSessionRelay(this.factory, McpJson.mapper(), this.name,
				RedisTestSupport.KEY, () -> null, () -> null, () -> null, () -> null);
		this.running = new RedisTaskMessageQueues(this.factory, McpJson.mapper(), this.name, 2, Duration.ofSeconds(30),
				relay);
		this.serving = new RedisTaskMessageQueues(this.factory, McpJson.mapper(), this.name, 2, Duration.ofSeconds(30),
				relay);
	}

	@AfterEach
	void deleteKeys() {
		RedisTestSupport.deleteKeys(this.factory, this.name);
		this.factory.destroy();
	}

	@Test
	void aTasksRequestsAreBoundedAndTakenOnceInOrderByAnotherInstance() {
		assertThat(this.running.offer("t1", "s1", request("mcp-1"))).isTrue();
		assertThat(this.running.offer("t1", "s1", request("mcp-2"))).isTrue();
		assertThat(this.running.offer("t1", "s1", request("mcp-3"))).isFalse();
		assertThat(this.serving.take("t1")).extracting(JsonRpcNotification::id).containsExactly("mcp-1", "mcp-2");
		assertThat(this.serving.take("t1")).isEmpty();
		assertThat(this.running.offer("t1", "s1", request("mcp-4"))).isTrue();
		JsonRpcNotification taken = this.serving.take("t1").get(0);
		assertThat(taken.method()).isEqualTo("elicitation/create");
		assertThat(McpJson.mapper().valueToTree(taken.params()).path("message").asString()).isEqualTo("Name?");
	}

	@Test
	void aTasksQueueExpiresAfterTheClientRequestTimeoutAndIsDeletedWhenItsRunEnds() {
		String key = this.name + ":task-messages:t2";
		this.running.offer("t2", null, request("mcp-1"));
		assertThat(this.redis.getExpire(key)).isBetween(1L, 30L);
		assertThat(this.running.queuedTaskCount()).isOne();
		this.serving.ended("t2");
		assertThat(this.redis.hasKey(key)).isTrue();
		this.running.ended("t2");
		assertThat(this.redis.hasKey(key)).isFalse();
		assertThat(this.running.queuedTaskCount()).isZero();
	}

	private static JsonRpcNotification request(String id) {
		return JsonRpcNotification.request(id, "elicitation/create",
				Map.of("message", "Name?", "requestedSchema", Map.of("type", "object")));
	}

}
