package dev.mcpspring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link McpRedisStoreUnavailableException}: which dependency to add for the
 * Redis docket, or how to go back to the in-memory one.
 */
class McpRedisStoreFailureAnalyzer extends AbstractFailureAnalyzer<McpRedisStoreUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, McpRedisStoreUnavailableException cause) {
		String description = cause.isClassMissing()
				? "mcp.docket.store is 'redis', but Spring Data Redis is not on the class path."
				: "mcp.docket.store is 'redis', but no RedisConnectionFactory bean is configured.";
		String action = "Add the dependency " + McpRedisStoreUnavailableException.DEPENDENCY
				+ " (Spring Data Redis with Lettuce; the connection comes from spring.data.redis.*), "
				+ "or set mcp.docket.store=memory to keep tasks in this process's memory.";
		return new FailureAnalysis(description, action, cause);
	}

}
