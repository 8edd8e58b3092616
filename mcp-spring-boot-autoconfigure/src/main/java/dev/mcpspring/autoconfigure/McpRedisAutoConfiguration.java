package dev.mcpspring.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.mcpspring.protocol.McpJson;
import dev.mcpspring.server.McpServer;
import dev.mcpspring.server.McpSessionRelay;
import dev.mcpspring.server.McpSessionStore;
import dev.mcpspring.server.McpSessionStreams;
import dev.mcpspring.server.redis.RedisMcpSessionStore;
import dev.mcpspring.server.redis.RedisSessionRelay;

/**
 * Auto-configuration of the instances of an application that share Redis
 * ({@code mcp.docket.store=redis}): sessions kept in Redis, and messages for a session
 * relayed to the instance that holds its stream. The Redis docket itself is configured
 * by {@link McpTasksAutoConfiguration}. Without Spring Data Redis on the class path the
 * application fails to start, saying which dependency to add.
 */
@AutoConfiguration(before = McpServerAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnMcpEnabled
@ConditionalOnProperty(name = "mcp.docket.store", havingValue = "redis")
@EnableConfigurationProperties(McpProperties.class)
public final class McpRedisAutoConfiguration {

	static final String CONNECTION_FACTORY = "org.springframework.data.redis.connection.RedisConnectionFactory";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = CONNECTION_FACTORY)
	static class RedisSessionsConfiguration {

		@Bean
		@ConditionalOnMissingBean(McpSessionStore.class)
		RedisMcpSessionStore mcpSessionStore(ObjectProvider<RedisConnectionFactory> connectionFactory,
				McpProperties properties) {
			return new RedisMcpSessionStore(RedisConnectionFactories.require(connectionFactory), McpJson.mapper(),
					properties.getDocket().getName(), properties.getServer().getSessionTimeout(),
					properties.getServer().getMaxSessions());
		}

		@Bean
		@ConditionalOnMissingBean(McpSessionRelay.class)
		RedisSessionRelay mcpSessionRelay(ObjectProvider<RedisConnectionFactory> connectionFactory,
				McpProperties properties, ObjectProvider<McpSessionStreams> streams, ObjectProvider<McpServer> server) {
			return new RedisSessionRelay(RedisConnectionFactories.require(connectionFactory), McpJson.mapper(),
					properties.getDocket().getName(), streams::getIfAvailable, server::getIfAvailable);
		}

		@Bean
		@ConditionalOnMissingBean
		McpSessionStreams mcpSessionStreams(McpSessionRelay relay) {
			return new McpSessionStreams(relay);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(CONNECTION_FACTORY)
	static class SpringDataRedisMissingConfiguration {

		@Bean
		Object mcpRedisStoreRequirement() {
			throw new McpRedisStoreUnavailableException(true);
		}

	}

}
