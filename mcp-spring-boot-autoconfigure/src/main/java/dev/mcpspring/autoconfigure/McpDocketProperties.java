package dev.mcpspring.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * Configuration of the docket, the queue and store of tasks ({@code mcp.docket}).
 */
@ConfigurationProperties("mcp.docket")
public class McpDocketProperties {

	/**
	 * Where tasks are kept: in this process's memory, or in Redis (shared by every
	 * instance; connection from spring.data.redis.*).
	 */
	private Store store = Store.MEMORY;

	/**
	 * Name of the docket, the prefix of its Redis keys and channels, so that several
	 * applications can share one Redis; give each application its own.
	 */
	private String name = "mcp";

	/**
	 * Most tasks (unfinished and finished) the in-memory docket keeps; beyond it new
	 * submissions are refused until finished tasks expire.
	 */
	private int capacity = 100_000;

	/**
	 * Redis command timeout the starter sets (and connect timeout) when
	 * spring.data.redis.timeout (spring.data.redis.connect-timeout) is not set.
	 */
	private Duration redisTimeout = Duration.ofSeconds(2);

	/**
	 * How long a finished task is kept when no ttl is asked for, by the MCP client or
	 * the submission.
	 */
	private Duration defaultTtl = Duration.ofHours(1);

	/**
	 * How long a task may go without a heartbeat from its worker before it is given to
	 * another worker.
	 */
	private Duration redeliveryTimeout = Duration.ofMinutes(5);

	public Store getStore() {
		return this.store;
	}

	public void setStore(Store store) {
		this.store = store;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		Assert.hasText(name, "mcp.docket.name must not be empty");
		this.name = name;
	}

	public int getCapacity() {
		return this.capacity;
	}

	public void setCapacity(int capacity) {
		Assert.isTrue(capacity > 0, "mcp.docket.capacity must be positive");
		this.capacity = capacity;
	}

	public Duration getRedisTimeout() {
		return this.redisTimeout;
	}

	public void setRedisTimeout(Duration redisTimeout) {
		this.redisTimeout = redisTimeout;
	}

	public Duration getDefaultTtl() {
		return this.defaultTtl;
	}

	public void setDefaultTtl(Duration defaultTtl) {
		Assert.isTrue(!defaultTtl.isNegative(), "mcp.docket.default-ttl must not be negative");
		this.defaultTtl = defaultTtl;
	}

	public Duration getRedeliveryTimeout() {
		return this.redeliveryTimeout;
	}

	public void setRedeliveryTimeout(Duration redeliveryTimeout) {
		Assert.isTrue(redeliveryTimeout.toMillis() >= 30, "mcp.docket.redelivery-timeout must be at least 30ms");
		this.redeliveryTimeout = redeliveryTimeout;
	}

	/**
	 * Docket stores.
	 */
	public enum Store {

		/** In this process's memory. */
		MEMORY,

		/** In Redis. */
		REDIS

	}

}
