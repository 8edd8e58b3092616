package dev.mcpspring.internal.actuate;

import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.mcpspring.internal.docket.redis.RedisTestSupport;
import dev.mcpspring.internal.docket.redis.RequiresRedis;
import dev.mcpspring.test.app.McpTestApplication;

/**
 * {@link McpEndpointContract} with the Redis docket.
 */
@RequiresRedis
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=mcp", "mcp.docket.store=redis",
				"mcp.docket.name=" + RedisDocketMcpEndpointTests.NAME, "spring.data.redis.host=127.0.0.1",
				"spring.data.redis.port=6379", "mcp.tasks.encryption-key=" + RedisTestSupport.KEY_BASE64 })
class RedisDocketMcpEndpointTests extends McpEndpointContract {

	static final String NAME = "mcp-test:endpoint";

	@AfterAll
	static void tidy() {
		LettuceConnectionFactory factory = RedisTestSupport.connectionFactory();
		RedisTestSupport.deleteKeys(factory, NAME);
		factory.destroy();
	}

}
