package dev.mcpspring.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Finds the application's {@link RedisConnectionFactory} for the Redis store. Only
 * loaded when Spring Data Redis is on the class path.
 */
final class RedisConnectionFactories {

	private RedisConnectionFactories() {
	}

	/**
	 * Returns the connection factory.
	 * @param connectionFactory the candidates
	 * @return the unique connection factory
	 * @throws McpRedisStoreUnavailableException when there is none
	 */
	static RedisConnectionFactory require(ObjectProvider<RedisConnectionFactory> connectionFactory) {
		RedisConnectionFactory factory = connectionFactory.getIfUnique();
		if (factory == null) {
			throw new McpRedisStoreUnavailableException(false);
		}
		return factory;
	}

}
