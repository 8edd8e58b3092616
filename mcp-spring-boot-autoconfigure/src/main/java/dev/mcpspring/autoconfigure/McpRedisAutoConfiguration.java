package dev.mcpspring.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.mcpspring.internal.docket.DocketKey;
import dev.mcpspring.internal.protocol.McpServer;
import dev.mcpspring.internal.session.McpResourceSubscriptionStore;
import dev.mcpspring.internal.session.McpSessionRelay;
import dev.mcpspring.internal.session.McpSessionStore;
import dev.mcpspring.internal.session.McpSessionStreams;
import dev.mcpspring.internal.session.McpStreamJournal;
import dev.mcpspring.internal.session.McpSubscriptions;
import dev.mcpspring.internal.session.redis.RedisMcpSessionStore;
import dev.mcpspring.internal.session.redis.RedisResourceSubscriptionStore;
import dev.mcpspring.internal.session.redis.RedisSessionRelay;
import dev.mcpspring.internal.session.redis.RedisStreamJournal;
import dev.mcpspring.internal.wire.McpJson;
import io.lettuce.core.SocketOptions;

/**
 * Auto-configuration of the instances of an application that share Redis
 * ({@code mcp.docket.store=redis}): sessions kept in Redis, and messages for a session
 * relayed to the instance that holds its stream. The Redis docket itself is configured
 * by {@link McpTasksAutoConfiguration}. Without Spring Data Redis on the class path, or
 * without {@code mcp.tasks.encryption-key}, the application fails to start, saying what
 * to add. Unless the application sets its own, Redis commands time out after
 * {@code mcp.docket.redis-timeout}, so that requests fail fast while Redis is down.
 */
@AutoConfiguration(before = McpServerAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnMcpEnabled
@ConditionalOnProperty(name = "mcp.docket.store", havingValue = "redis")
@EnableConfigurationProperties({ McpDocketProperties.class, McpTasksProperties.class, McpServerProperties.class })
public final class McpRedisAutoConfiguration {

	static final String CONNECTION_FACTORY = "org.springframework.data.redis.connection.RedisConnectionFactory";

	private static final Log logger = LogFactory.getLog(McpRedisAutoConfiguration.class);

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = CONNECTION_FACTORY)
	static class RedisSessionsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DocketKey mcpDocketKey(McpDocketProperties docket, McpTasksProperties tasks) {
			if ("mcp".equals(docket.getName())) {
				logger.warn("mcp.docket.name is left at its default 'mcp' with mcp.docket.store=redis: every "
						+ "application on this Redis that does the same shares its sessions and tasks. Set "
						+ "mcp.docket.name to a name of this application's own.");
			}
			return DocketKeys.required(tasks);
		}

		@Bean
		@ConditionalOnMissingBean(McpSessionStore.class)
		RedisMcpSessionStore mcpSessionStore(ObjectProvider<RedisConnectionFactory> connectionFactory,
				McpDocketProperties docket, McpServerProperties server) {
			return new RedisMcpSessionStore(RedisConnectionFactories.require(connectionFactory), McpJson.mapper(),
					docket.getName(), server.getSessionTimeout(), server.getMaxSessions(),
					Math.min(server.getMaxSessions(), server.getSessionCacheSize()));
		}

		@Bean
		@ConditionalOnMissingBean(McpSessionRelay.class)
		RedisSessionRelay mcpSessionRelay(ObjectProvider<RedisConnectionFactory> connectionFactory,
				McpDocketProperties properties, DocketKey key, ObjectProvider<McpSessionStreams> streams,
				ObjectProvider<McpSessionStore> sessions, ObjectProvider<McpServer> server,
				ObjectProvider<McpSubscriptions> subscriptions) {
			return new RedisSessionRelay(RedisConnectionFactories.require(connectionFactory), McpJson.mapper(),
					properties.getName(), key, streams::getIfAvailable, sessions::getIfAvailable,
					server::getIfAvailable, subscriptions::getIfAvailable);
		}

		@Bean
		@ConditionalOnMissingBean(McpStreamJournal.class)
		RedisStreamJournal mcpStreamJournal(ObjectProvider<RedisConnectionFactory> connectionFactory,
				McpDocketProperties docket, DocketKey key, McpServerProperties server) {
			return new RedisStreamJournal(RedisConnectionFactories.require(connectionFactory), docket.getName(), key,
					server.getSessionTimeout(), server.getSse().getReplayBuffer());
		}

		@Bean
		@ConditionalOnMissingBean(McpResourceSubscriptionStore.class)
		RedisResourceSubscriptionStore mcpResourceSubscriptionStore(
				ObjectProvider<RedisConnectionFactory> connectionFactory, McpDocketProperties docket,
				McpServerProperties server) {
			return new RedisResourceSubscriptionStore(RedisConnectionFactories.require(connectionFactory),
					docket.getName(), server.getSessionTimeout());
		}

		@Bean
		@ConditionalOnMissingBean
		McpSessionStreams mcpSessionStreams(McpSessionRelay relay, McpStreamJournal journal) {
			return new McpSessionStreams(relay, journal);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { CONNECTION_FACTORY,
			"org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer",
			"io.lettuce.core.SocketOptions" })
	static class RedisTimeoutConfiguration {

		@Bean
		LettuceClientConfigurationBuilderCustomizer mcpRedisCommandTimeout(
				Environment environment, McpDocketProperties properties) {
			boolean commandTimeoutSet = environment.containsProperty("spring.data.redis.timeout");
			return (builder) -> {
				if (!commandTimeoutSet) {
					builder.commandTimeout(properties.getRedisTimeout());
				}
			};
		}

		@Bean
		LettuceClientOptionsBuilderCustomizer mcpRedisConnectTimeout(
				Environment environment, McpDocketProperties properties) {
			boolean connectTimeoutSet = environment.containsProperty("spring.data.redis.connect-timeout");
			return (builder) -> {
				if (!connectTimeoutSet) {
					builder.socketOptions(
							SocketOptions.builder().connectTimeout(properties.getRedisTimeout()).build());
				}
			};
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
