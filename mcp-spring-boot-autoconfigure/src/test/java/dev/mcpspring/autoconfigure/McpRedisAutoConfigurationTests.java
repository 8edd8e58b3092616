package dev.mcpspring.autoconfigure;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.mcpspring.internal.docket.InMemoryDocket;
import dev.mcpspring.internal.docket.Worker;
import dev.mcpspring.internal.docket.redis.RedisDocket;
import dev.mcpspring.internal.docket.redis.RedisTestSupport;
import dev.mcpspring.internal.docket.redis.RequiresRedis;
import dev.mcpspring.internal.session.InMemoryMcpSessionStore;
import dev.mcpspring.internal.session.McpSessionStore;
import dev.mcpspring.internal.session.McpSessionStreams;
import dev.mcpspring.internal.session.redis.RedisMcpSessionStore;
import dev.mcpspring.internal.session.redis.RedisSessionRelay;
import dev.mcpspring.tasks.Docket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link McpRedisAutoConfiguration} and the Redis docket of
 * {@link McpTasksAutoConfiguration}, with a real Redis server.
 */
@RequiresRedis
class McpRedisAutoConfigurationTests {

	private final String name = RedisTestSupport.uniqueName("autoconfig");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, McpRedisAutoConfiguration.class,
				McpServerAutoConfiguration.class, McpTasksAutoConfiguration.class))
		.withPropertyValues("mcp.docket.store=redis", "mcp.docket.name=" + this.name,
				"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=6379",
				"mcp.tasks.encryption-key=" + RedisTestSupport.KEY_BASE64);

	@AfterEach
	void deleteKeys() {
		LettuceConnectionFactory factory = RedisTestSupport.connectionFactory();
		RedisTestSupport.deleteKeys(factory, this.name);
		factory.destroy();
	}

	@Test
	void redisStoreSharesDocketAndSessionsThroughTheApplicationsConnectionFactory() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBean(Docket.class).isInstanceOf(RedisDocket.class);
			assertThat(context.getBean(RedisDocket.class).name()).isEqualTo(this.name);
			assertThat(context).getBean(McpSessionStore.class).isInstanceOf(RedisMcpSessionStore.class);
			assertThat(context).hasSingleBean(RedisSessionRelay.class);
			assertThat(context.getBean(McpSessionStreams.class).relay())
				.isSameAs(context.getBean(RedisSessionRelay.class));
			assertThat(context).hasSingleBean(Worker.class);
			assertThat(context).doesNotHaveBean(InMemoryDocket.class);
			assertThat(context).hasSingleBean(RedisConnectionFactory.class);
			context.getBean(Docket.class).checkAvailable();
		});
	}

	@Test
	void webOnlyNodeHasTheDocketButNoWorker() {
		this.runner.withPropertyValues("mcp.worker.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(RedisDocket.class);
			assertThat(context).doesNotHaveBean(Worker.class);
		});
	}

	@Test
	void workerOnlyNodeRunsTasksWithoutServingMcp() {
		this.runner.withPropertyValues("mcp.server.enabled=false", "mcp.worker.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(RedisDocket.class);
			assertThat(context).hasSingleBean(Worker.class);
			assertThat(context).getBean(McpSessionStore.class).isInstanceOf(RedisMcpSessionStore.class);
		});
	}

	@Test
	void memoryStoreIsTheDefault() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, McpRedisAutoConfiguration.class,
					McpServerAutoConfiguration.class, McpTasksAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).getBean(Docket.class).isInstanceOf(InMemoryDocket.class);
				assertThat(context).getBean(McpSessionStore.class).isInstanceOf(InMemoryMcpSessionStore.class);
				assertThat(context.getBean(McpSessionStreams.class).relay()).isNull();
				assertThat(context).doesNotHaveBean(RedisSessionRelay.class);
			});
	}

}
