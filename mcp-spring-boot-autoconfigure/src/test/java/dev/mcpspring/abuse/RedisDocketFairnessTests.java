package dev.mcpspring.abuse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.mcpspring.internal.docket.redis.RedisDocket;
import dev.mcpspring.internal.docket.redis.RedisTestSupport;
import dev.mcpspring.internal.docket.redis.RequiresRedis;
import dev.mcpspring.internal.wire.McpJson;

/**
 * {@link DocketFairnessContract} for the Redis docket, where the limits are kept by its
 * Lua script.
 */
@RequiresRedis
class RedisDocketFairnessTests extends DocketFairnessContract<RedisDocket> {

	private final String name = RedisTestSupport.uniqueName("fairness");

	private final LettuceConnectionFactory factory = RedisTestSupport.connectionFactory();

	private final List<RedisDocket> dockets = new ArrayList<>();

	@AfterEach
	void stop() {
		this.dockets.forEach(RedisDocket::stop);
		RedisTestSupport.deleteKeys(this.factory, this.name);
		this.factory.destroy();
	}

	@Override
	RedisDocket docket() {
		RedisDocket docket = new RedisDocket(this.factory, McpJson.mapper(), this.name, Duration.ofHours(1),
				LEASE, RedisTestSupport.KEY, LIMITS);
		docket.start();
		this.dockets.add(docket);
		return docket;
	}

}
