package dev.mcpspring.autoconfigure;

import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.mcpspring.McpTaskAuthenticationResolver;
import dev.mcpspring.internal.docket.DocketKey;
import dev.mcpspring.internal.docket.DocketLimits;
import dev.mcpspring.internal.docket.InMemoryDocket;
import dev.mcpspring.internal.docket.TaskFunctionRegistry;
import dev.mcpspring.internal.docket.Worker;
import dev.mcpspring.internal.docket.WorkerObserver;
import dev.mcpspring.internal.docket.redis.RedisDocket;
import dev.mcpspring.internal.protocol.McpServer;
import dev.mcpspring.internal.session.McpSessionRelay;
import dev.mcpspring.internal.session.McpSessionStore;
import dev.mcpspring.internal.session.McpSessionStreams;
import dev.mcpspring.internal.session.McpSubscriptions;
import dev.mcpspring.internal.session.redis.RedisSessionRelay;
import dev.mcpspring.internal.task.DocketTaskRegistrar;
import dev.mcpspring.internal.task.McpTasksFeature;
import dev.mcpspring.internal.task.TaskHost;
import dev.mcpspring.internal.task.TaskMessages;
import dev.mcpspring.internal.task.TaskNotifications;
import dev.mcpspring.internal.task.TaskPropagation;
import dev.mcpspring.internal.task.TaskStatusNotifier;
import dev.mcpspring.internal.task.ToolCallTaskFunction;
import dev.mcpspring.internal.task.redis.RedisTaskMessageQueues;
import dev.mcpspring.internal.tool.DefaultMcpToolRegistry;
import dev.mcpspring.internal.tool.McpToolMethodFactory;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.tasks.Docket;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auto-configuration of background tasks: the docket (in memory by default, or in Redis
 * with {@code mcp.docket.store=redis}), the worker, and MCP tasks ({@code tasks/*}, tools
 * called as tasks, {@code @DocketTask} functions).
 */
@AutoConfiguration(after = McpServerAutoConfiguration.class)
@ConditionalOnBean(McpServer.class)
@ConditionalOnBooleanProperty(name = "mcp.tasks.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ McpTasksProperties.class, McpDocketProperties.class, McpWorkerProperties.class,
		McpServerProperties.class })
public final class McpTasksAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TaskFunctionRegistry mcpTaskFunctionRegistry() {
		return new TaskFunctionRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	TaskPropagation mcpTaskPropagation(McpTasksProperties properties, ObjectProvider<DocketKey> key,
			ObjectProvider<McpTaskAuthenticationResolver> authenticationResolver) {
		return new TaskPropagation(properties.getPropagatedHeaders(),
				key.getIfAvailable(() -> DocketKeys.optional(properties)), authenticationResolver.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	TaskMessages mcpTaskMessages(Docket docket, McpSessionStore sessions, McpServerProperties properties) {
		return listening(new TaskMessages(properties.getMaxPendingClientRequests()), docket, sessions);
	}

	private static TaskMessages listening(TaskMessages messages, Docket docket, McpSessionStore sessions) {
		docket.addListener(messages);
		sessions.addListener(messages);
		return messages;
	}

	@Bean
	@ConditionalOnMissingBean
	McpTasksFeature mcpTasksFeature(Docket docket, McpTasksProperties tasks, McpDocketProperties docketProperties,
			McpServerProperties server, TaskPropagation propagation, TaskMessages messages) {
		return new McpTasksFeature(docket, new McpTasksFeature.Settings(docketProperties.getDefaultTtl(),
				tasks.getMaxTtl(), tasks.getPollInterval(), server.getPageSize(),
				tasks.getExtensionOptionalPolicy() == McpTasksProperties.ExtensionOptionalPolicy.TASK), propagation,
				messages);
	}

	@Bean
	TaskStatusNotifier mcpTaskStatusNotifier(Docket docket, McpSessionStreams streams, McpTasksFeature tasks) {
		TaskStatusNotifier notifier = new TaskStatusNotifier(streams, tasks);
		docket.addListener(notifier);
		return notifier;
	}

	@Bean
	TaskNotifications mcpTaskNotifications(Docket docket, McpTasksFeature tasks, McpSubscriptions subscriptions) {
		TaskNotifications notifications = new TaskNotifications(docket, tasks, subscriptions);
		docket.addListener(notifications);
		return notifications;
	}

	@Bean
	ToolCallTaskFunction mcpToolCallTaskFunction(TaskFunctionRegistry functions, McpServer server,
			TaskPropagation propagation, TaskMessages messages, DefaultMcpToolRegistry tools) {
		ToolCallTaskFunction function = new ToolCallTaskFunction(server, propagation, messages, tools);
		functions.register(McpTasksFeature.TOOL_FUNCTION_PREFIX, function);
		return function;
	}

	@Bean
	DocketTaskRegistrar mcpDocketTaskRegistrar(TaskFunctionRegistry functions, McpToolMethodFactory factory,
			ObjectProvider<TaskHost> server, TaskPropagation propagation, TaskMessages messages) {
		return new DocketTaskRegistrar(functions, factory, server, propagation, messages);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "mcp.docket.store", havingValue = "memory", matchIfMissing = true)
	static class InMemoryDocketConfiguration {

		@Bean
		@ConditionalOnMissingBean(Docket.class)
		InMemoryDocket mcpDocket(McpDocketProperties docket, McpTasksProperties tasks,
				ObjectProvider<JsonMapper> jsonMapper) {
			return new InMemoryDocket(jsonMapper.getIfAvailable(McpJson::mapper), docket.getDefaultTtl(),
					docket.getRedeliveryTimeout(), docket.getCapacity(), limits(tasks));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "mcp.docket.store", havingValue = "redis")
	@ConditionalOnClass(name = McpRedisAutoConfiguration.CONNECTION_FACTORY)
	static class RedisDocketConfiguration {

		@Bean
		@ConditionalOnMissingBean(Docket.class)
		RedisDocket mcpDocket(ObjectProvider<RedisConnectionFactory> connectionFactory, McpDocketProperties docket,
				McpTasksProperties tasks, ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<DocketKey> key) {
			return new RedisDocket(RedisConnectionFactories.require(connectionFactory),
					jsonMapper.getIfAvailable(McpJson::mapper), docket.getName(), docket.getDefaultTtl(),
					docket.getRedeliveryTimeout(), key.getIfAvailable(() -> DocketKeys.required(tasks)),
					limits(tasks));
		}

		/**
		 * Queues the requests of background tasks to their clients in Redis, so that any
		 * instance serving a task's {@code tasks/result} delivers them.
		 */
		@Bean
		@ConditionalOnMissingBean
		TaskMessages mcpTaskMessages(Docket docket, McpSessionStore sessions, McpServerProperties server,
				ObjectProvider<RedisConnectionFactory> connectionFactory, McpDocketProperties docketProperties,
				ObjectProvider<McpSessionRelay> relay) {
			if (!(relay.getIfAvailable() instanceof RedisSessionRelay redisRelay)) {
				return listening(new TaskMessages(server.getMaxPendingClientRequests()), docket, sessions);
			}
			TaskMessages messages = new TaskMessages(new RedisTaskMessageQueues(
					RedisConnectionFactories.require(connectionFactory), McpJson.mapper(), docketProperties.getName(),
					server.getMaxPendingClientRequests(), server.getClientRequestTimeout(), redisRelay));
			redisRelay.onTaskMessagesQueued(messages::queuedElsewhere);
			return listening(messages, docket, sessions);
		}

	}

	private static DocketLimits limits(McpTasksProperties tasks) {
		return new DocketLimits(tasks.getMaxActivePerOwner(), tasks.getMaxRetainedPerOwner(),
				tasks.getMaxArgumentsSize(), tasks.getMaxResultSize(), tasks.getMaxActiveAnonymous(),
				tasks.getMaxRetainedAnonymous());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "mcp.worker.enabled", matchIfMissing = true)
	static class WorkerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		Worker mcpWorker(McpWorkerProperties worker, McpDocketProperties docketProperties, Environment environment,
				Docket docket, TaskFunctionRegistry functions, ObjectProvider<WorkerObserver> observer) {
			String id = (worker.getId() != null) ? worker.getId() : defaultWorkerId();
			return new Worker(id, docket, functions,
					new Worker.Settings(worker.getConcurrency(), docketProperties.getRedeliveryTimeout(),
							worker.getShutdownTimeout(), Threading.VIRTUAL.isActive(environment)),
					observer.getIfAvailable(() -> WorkerObserver.NONE));
		}

		private static String defaultWorkerId() {
			String host = System.getenv().getOrDefault("HOSTNAME", "worker");
			return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
		}

	}

}
