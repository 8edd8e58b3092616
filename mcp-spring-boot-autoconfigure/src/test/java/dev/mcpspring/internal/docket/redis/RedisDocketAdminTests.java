package dev.mcpspring.internal.docket.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.mcpspring.internal.docket.DocketAdminContract;
import dev.mcpspring.internal.docket.DocketLimits;
import dev.mcpspring.internal.wire.McpJson;

/**
 * {@link DocketAdminContract} on the Redis docket, where every call of {@link #docket()}
 * stands for another process on the same Redis.
 */
@RequiresRedis
class RedisDocketAdminTests extends DocketAdminContract<RedisDocket> {

	private final String name = RedisTestSupport.uniqueName("admin");

	private final LettuceConnectionFactory factory = RedisTestSupport.connectionFactory();

	private final List<RedisDocket> dockets = new ArrayList<>();

	@Override
	protected RedisDocket docket() {
		RedisDocket docket = new RedisDocket(this.factory, McpJson.mapper(), this.name, Duration.ofHours(1), LEASE,
				RedisTestSupport.KEY, DocketLimits.DEFAULTS);
		docket.start();
		this.dockets.add(docket);
		return docket;
	}

	@AfterEach
	void tidy() {
		stopWorkers();
		this.dockets.forEach(RedisDocket::stop);
		RedisTestSupport.deleteKeys(this.factory, this.name);
		this.factory.destroy();
	}

}
