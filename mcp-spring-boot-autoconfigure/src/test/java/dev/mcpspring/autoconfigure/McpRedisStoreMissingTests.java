package dev.mcpspring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.mcpspring.internal.docket.redis.RedisTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Choosing the Redis store without what it needs fails at startup with a message that
 * names the dependency to add. Needs no Redis server.
 */
class McpRedisStoreMissingTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpRedisAutoConfiguration.class, McpServerAutoConfiguration.class,
				McpTasksAutoConfiguration.class))
		.withPropertyValues("mcp.docket.store=redis", "mcp.tasks.encryption-key=" + RedisTestSupport.KEY_BASE64);

	@Test
	void redisStoreWithoutSpringDataRedisFailsNamingTheDependency() {
		this.runner.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class)).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(McpRedisStoreUnavailableException.class)
				.hasMessageContaining("org.springframework.boot:spring-boot-starter-data-redis");
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("Spring Data Redis is not on the class path");
			assertThat(analysis.getAction()).contains("spring-boot-starter-data-redis")
				.contains("mcp.docket.store=memory");
		});
	}

	@Test
	void redisStoreWithoutAConnectionFactoryFailsNamingTheDependency() {
		this.runner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(McpRedisStoreUnavailableException.class)
				.hasMessageContaining("RedisConnectionFactory")
				.hasMessageContaining("spring-boot-starter-data-redis");
			assertThat(analyze(context.getStartupFailure()).getDescription())
				.contains("no RedisConnectionFactory bean");
		});
	}

	@Test
	void failureAnalyzerIsRegistered() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(FailureAnalyzer.class, (type, name, failure) -> {
			})).hasAtLeastOneElementOfType(McpRedisStoreFailureAnalyzer.class);
	}

	private static FailureAnalysis analyze(Throwable failure) {
		return new McpRedisStoreFailureAnalyzer().analyze(failure);
	}

}
