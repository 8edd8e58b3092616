package dev.mcpspring.autoconfigure;

/**
 * Thrown at startup when {@code mcp.docket.store=redis} is set but Redis cannot be used:
 * Spring Data Redis is not on the class path, or no {@code RedisConnectionFactory} is
 * configured. {@link McpRedisStoreFailureAnalyzer} explains it.
 */
public class McpRedisStoreUnavailableException extends IllegalStateException {

	/** What to add for the Redis store. */
	static final String DEPENDENCY = "org.springframework.boot:spring-boot-starter-data-redis";

	private final boolean classMissing;

	McpRedisStoreUnavailableException(boolean classMissing) {
		super(classMissing
				? "mcp.docket.store=redis needs Spring Data Redis, which is not on the class path; add the dependency "
						+ DEPENDENCY
				: "mcp.docket.store=redis needs a RedisConnectionFactory bean, and there is none; add the dependency "
						+ DEPENDENCY + " (whose auto-configuration provides it from spring.data.redis.*)");
		this.classMissing = classMissing;
	}

	/**
	 * Returns whether Spring Data Redis is missing from the class path (rather than a
	 * connection factory from the context).
	 * @return whether the class is missing
	 */
	public boolean isClassMissing() {
		return this.classMissing;
	}

}
