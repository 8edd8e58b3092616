package dev.mcpspring.internal.docket.redis;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.mcpspring.internal.docket.DocketLimits;
import dev.mcpspring.internal.observability.McpHealthIndicator;
import dev.mcpspring.internal.observability.McpMetrics;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.tasks.ClaimedTask;
import dev.mcpspring.tasks.RetryPolicy;
import dev.mcpspring.tasks.TaskError;
import dev.mcpspring.tasks.TaskResult;
import dev.mcpspring.tasks.TaskSpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics and health of the MCP starter work unchanged on the Redis docket: retries
 * and redeliveries are counted where they happen, and health reports whether Redis can be
 * reached.
 */
@RequiresRedis
class RedisDocketObservabilityTests {

	private LettuceConnectionFactory factory;

	private String name;

	private RedisDocket docket;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@BeforeEach
	void start() {
		this.factory = RedisTestSupport.connectionFactory();
		this.name = RedisTestSupport.uniqueName("observability");
		this.docket = new RedisDocket(this.factory, McpJson.mapper(), this.name, Duration.ofHours(1),
				Duration.ofMillis(300), RedisTestSupport.KEY, DocketLimits.DEFAULTS);
		this.docket.start();
		McpMetrics metrics = new McpMetrics(this.docket);
		metrics.bindTo(this.registry);
		this.docket.addListener(metrics);
	}

	@AfterEach
	void stop() {
		this.docket.stop();
		RedisTestSupport.deleteKeys(this.factory, this.name);
		this.factory.destroy();
	}

	private double count(String name) {
		return this.registry.find(name).counters().stream().mapToDouble((counter) -> counter.count()).sum();
	}

	@Test
	void retriesRedeliveriesAndCompletionsAreCounted() throws Exception {
		this.docket.submit(TaskSpec.builder("work").retry(RetryPolicy.fixed(2, Duration.ZERO)).build());
		ClaimedTask first = this.docket.claim("w", 1, Duration.ofSeconds(2)).get(0);
		this.docket.finish(first, TaskResult.error(new TaskError(-32603, "boom", null), true));
		assertThat(count("mcp.tasks.retried")).isEqualTo(1);
		this.docket.claim("w", 1, Duration.ofSeconds(2)).get(0);
		Thread.sleep(400);
		List<ClaimedTask> redelivered = this.docket.claim("w2", 1, Duration.ofSeconds(2));
		assertThat(redelivered).hasSize(1);
		assertThat(count("mcp.tasks.redelivered")).isEqualTo(1);
		this.docket.finish(redelivered.get(0), TaskResult.completed(null));
		assertThat(count("mcp.tasks.submitted")).isEqualTo(1);
		assertThat(count("mcp.tasks.completed")).isEqualTo(1);
		assertThat(this.registry.get("mcp.tasks.queued").gauge().value()).isZero();
		assertThat(this.registry.get("mcp.tasks.running").gauge().value()).isZero();
	}

	@Test
	void healthIsUpWithQueueDetailsWhileRedisAnswers() {
		this.docket.submit(TaskSpec.builder("work").build());
		Health health = new McpHealthIndicator(this.docket, null).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("docket", "RedisDocket").containsEntry("queued", 1L);
	}

	@Test
	void healthIsDownWhenRedisCannotBeReached() throws Exception {
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		LettuceConnectionFactory unreachable = RedisTestSupport.connectionFactory(closedPort);
		try {
			RedisDocket docket = new RedisDocket(unreachable, McpJson.mapper(), this.name, Duration.ofHours(1),
					Duration.ofSeconds(1), RedisTestSupport.KEY, DocketLimits.DEFAULTS);
			Health health = new McpHealthIndicator(docket, null).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		}
		finally {
			unreachable.destroy();
		}
	}

}
