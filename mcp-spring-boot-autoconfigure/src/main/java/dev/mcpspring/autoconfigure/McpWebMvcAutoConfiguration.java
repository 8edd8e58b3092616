package dev.mcpspring.autoconfigure;

import java.util.concurrent.Executor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.mcpspring.internal.protocol.McpServer;
import dev.mcpspring.internal.session.McpSessionStore;
import dev.mcpspring.internal.session.McpSessionStreams;
import dev.mcpspring.internal.session.McpStreamJournal;
import dev.mcpspring.internal.session.McpSubscriptions;
import dev.mcpspring.internal.task.TaskNotifications;
import dev.mcpspring.internal.tool.DefaultMcpToolRegistry;
import dev.mcpspring.internal.web.ListenStreams;
import dev.mcpspring.internal.web.McpAsyncCalls;
import dev.mcpspring.internal.web.McpContextInterceptor;
import dev.mcpspring.internal.web.McpHttpEndpoint;
import dev.mcpspring.internal.web.McpRequestAuthorizer;
import dev.mcpspring.internal.web.OriginPolicy;
import dev.mcpspring.internal.web.SessionEventStreams;
import dev.mcpspring.internal.wire.JsonBodyParser;
import dev.mcpspring.tasks.Docket;

/**
 * Auto-configuration of the MCP Streamable HTTP endpoint in a Spring MVC application,
 * and of the interceptor that builds each request's {@code McpContext} from the server
 * and docket beans.
 */
@AutoConfiguration(after = { McpServerAutoConfiguration.class, McpTasksAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(McpServer.class)
@ConditionalOnBooleanProperty(name = "mcp.server.enabled", matchIfMissing = true)
@EnableConfigurationProperties(McpServerProperties.class)
public final class McpWebMvcAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	McpContextInterceptor mcpContextInterceptor(McpServer server, ObjectProvider<Docket> docket) {
		return new McpContextInterceptor(server, docket.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	SessionEventStreams mcpSessionEventStreams(McpSessionStore sessionStore, McpSessionStreams streams,
			McpServerProperties properties, ObjectProvider<McpStreamJournal> journal) {
		McpServerProperties.Sse sse = properties.getSse();
		return new SessionEventStreams(sessionStore, streams, sse.getReplayBuffer(), sse.getRetry().toMillis(),
				journal.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	McpAsyncCalls mcpAsyncCalls(McpServerProperties config, Environment environment,
			ObjectProvider<DefaultMcpToolRegistry> tools) {
		Executor executor;
		if (Threading.VIRTUAL.isActive(environment)) {
			SimpleAsyncTaskExecutor virtual = new SimpleAsyncTaskExecutor("mcp-call-");
			virtual.setVirtualThreads(true);
			executor = virtual;
		}
		else {
			executor = McpAsyncCalls.platformThreadExecutor();
		}
		return new McpAsyncCalls(executor, config.getMaxConcurrentCalls(), config.getMaxConcurrentCallsPerSession(),
				config.getShutdownTimeout(), config.getInlineCalls(), tools.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	ListenStreams mcpListenStreams(McpSubscriptions subscriptions, McpServer server, McpServerProperties config,
			ObjectProvider<TaskNotifications> taskNotifications) {
		McpServerProperties.Listen listen = config.getListen();
		McpServerProperties.Sse sse = config.getSse();
		return new ListenStreams(subscriptions, server::capabilities, listen.getMaxResourceSubscriptions(),
				listen.getMaxUriLength(), taskNotifications.getIfAvailable(), listen.getMaxTaskIds(),
				listen.getKeepAlive(), Math.min(sse.getSendBuffer(), sse.getReplayBuffer()));
	}

	@Bean
	@ConditionalOnMissingBean
	McpHttpEndpoint mcpHttpEndpoint(McpServer server, SessionEventStreams eventStreams, McpServerProperties config,
			McpAsyncCalls calls, ListenStreams listenStreams, ObjectProvider<McpRequestAuthorizer> authorizer) {
		McpServerProperties.Json json = config.getJson();
		JsonBodyParser bodyParser = new JsonBodyParser(json.getMaxDepth(), json.getMaxNumberLength(),
				json.getMaxNameLength(), json.getMaxTokens(), config.getMaxRequestSize().toBytes());
		McpServerProperties.Sse sse = config.getSse();
		return new McpHttpEndpoint(server, eventStreams, new OriginPolicy(config.getAllowedOrigins()), bodyParser,
				config.getMaxRequestSize().toBytes(), sse.getTimeout().toMillis(),
				Math.min(sse.getSendBuffer(), sse.getReplayBuffer()), calls, listenStreams, authorizer.getIfAvailable());
	}

	@Bean
	WebMvcConfigurer mcpContextInterceptorConfigurer(McpContextInterceptor interceptor,
			McpServerProperties properties) {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor).addPathPatterns(properties.getPath());
			}

		};
	}

}
