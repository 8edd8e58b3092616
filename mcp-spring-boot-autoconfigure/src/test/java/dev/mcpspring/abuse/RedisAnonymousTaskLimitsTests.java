package dev.mcpspring.abuse;

import java.util.List;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.mcpspring.internal.docket.redis.RedisTestSupport;
import dev.mcpspring.internal.docket.redis.RequiresRedis;

/**
 * {@link AnonymousTaskLimitsContract} on the Redis docket, where the limits are kept by
 * its Lua script.
 */
@RequiresRedis
class RedisAnonymousTaskLimitsTests extends AnonymousTaskLimitsContract {

	private final String name = RedisTestSupport.uniqueName("anonymous");

	private final LettuceConnectionFactory factory = RedisTestSupport.connectionFactory();

	@Override
	List<String> store() {
		return List.of("--mcp.docket.store=redis", "--mcp.docket.name=" + this.name,
				"--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=6379",
				"--mcp.tasks.encryption-key=" + RedisTestSupport.KEY_BASE64);
	}

	@Override
	void tidy() {
		RedisTestSupport.deleteKeys(this.factory, this.name);
		this.factory.destroy();
	}

}
