package dev.mcpspring.abuse;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.mcpspring.autoconfigure.McpRedisAutoConfiguration;
import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.autoconfigure.McpTasksAutoConfiguration;
import dev.mcpspring.internal.docket.DocketLimits;
import dev.mcpspring.internal.docket.redis.RedisDocket;
import dev.mcpspring.internal.docket.redis.RedisTestSupport;
import dev.mcpspring.internal.docket.redis.RequiresRedis;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.internal.wire.RandomIds;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applications that share a Redis: the default docket name draws a warning at startup,
 * and within one docket session ids and task ids never address each other's keys (nor
 * any other key). Real Redis.
 */
@RequiresRedis
@ExtendWith(OutputCaptureExtension.class)
class SharedRedisIsolationTests {

	private final String name = RedisTestSupport.uniqueName("isolation");

	private final LettuceConnectionFactory factory = RedisTestSupport.connectionFactory();

	@AfterEach
	void deleteKeys() {
		RedisTestSupport.deleteKeys(this.factory, this.name);
		this.factory.destroy();
	}

	@Test
	void defaultDocketNameWithRedisWarnsAtStartup(CapturedOutput output) {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, McpRedisAutoConfiguration.class,
					McpServerAutoConfiguration.class, McpTasksAutoConfiguration.class))
			.withPropertyValues("mcp.docket.store=redis", "mcp.tasks.enabled=false",
					"mcp.tasks.encryption-key=" + RedisTestSupport.KEY_BASE64);
		runner.withPropertyValues("mcp.docket.name=" + this.name).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).doesNotContain("mcp.docket.name is left at its default");
		});
		// Without tasks: no docket that would create keys under the shared default name
		runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("mcp.docket.name is left at its default 'mcp'");
		});
	}

	@Test
	void sessionAndTaskIdsNeverAddressEachOthersKeys() {
		RedisDocket docket = new RedisDocket(this.factory, McpJson.mapper(), this.name, Duration.ofHours(1),
				Duration.ofMinutes(1), RedisTestSupport.KEY, DocketLimits.DEFAULTS);
		StringRedisTemplate redis = new StringRedisTemplate(this.factory);
		String sessionId = RandomIds.next();
		redis.opsForValue().set(this.name + ":session:" + sessionId, "{}", Duration.ofMinutes(1));
		TaskInfo task = docket.submit(TaskSpec.builder("f").owner("alice").build());
		assertThat(docket.get(sessionId)).isEmpty();
		assertThat(docket.get("../session:" + sessionId)).isEmpty();
		assertThat(docket.get("session:" + sessionId)).isEmpty();
		assertThat(docket.cancel("session:" + sessionId, "no")).isEmpty();
		assertThat(docket.get(task.id() + ":x")).isEmpty();
		assertThat(redis.hasKey(this.name + ":session:" + task.id())).isFalse();
		assertThat(redis.keys(this.name + ":*")).allMatch((key) -> key.startsWith(this.name + ":session:")
				|| key.startsWith(this.name + ":task:") || key.startsWith(this.name + ":owner:")
				|| key.startsWith(this.name + ":state:") || key.equals(this.name + ":all")
				|| key.equals(this.name + ":totals") || key.equals(this.name + ":stream"));
		assertThat(docket.get(task.id())).isPresent();
	}

}
