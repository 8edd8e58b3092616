package dev.mcpspring.autoconfigure;

import java.time.Clock;
import java.util.Map;

import jakarta.validation.Validator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.mcpspring.McpCompletionRegistry;
import dev.mcpspring.McpPromptRegistry;
import dev.mcpspring.McpResourceRegistry;
import dev.mcpspring.McpToolRegistry;
import dev.mcpspring.internal.completion.DefaultMcpCompletionRegistry;
import dev.mcpspring.internal.completion.McpCompleteMethodFactory;
import dev.mcpspring.internal.completion.McpCompletionsFeature;
import dev.mcpspring.internal.method.AnnotatedMethodRegistrar;
import dev.mcpspring.internal.method.McpListFilter;
import dev.mcpspring.internal.docket.DocketKey;
import dev.mcpspring.internal.method.AnnotatedMethodScanner;
import dev.mcpspring.internal.prompt.DefaultMcpPromptRegistry;
import dev.mcpspring.internal.prompt.McpPromptMethodFactory;
import dev.mcpspring.internal.prompt.McpPromptsFeature;
import dev.mcpspring.internal.protocol.CachePolicy;
import dev.mcpspring.internal.protocol.Implementation;
import dev.mcpspring.internal.protocol.McpServer;
import dev.mcpspring.internal.protocol.RequestStates;
import dev.mcpspring.internal.resource.DefaultMcpResourceRegistry;
import dev.mcpspring.internal.resource.McpResourceMethodFactory;
import dev.mcpspring.internal.resource.McpResourcesFeature;
import dev.mcpspring.internal.session.ClientRequests;
import dev.mcpspring.internal.session.InMemoryMcpSessionStore;
import dev.mcpspring.internal.session.InMemoryResourceSubscriptionStore;
import dev.mcpspring.internal.session.McpFeature;
import dev.mcpspring.internal.session.McpResourceSubscriptionStore;
import dev.mcpspring.internal.session.McpSessionStore;
import dev.mcpspring.internal.session.McpSessionStreams;
import dev.mcpspring.internal.session.McpSessionSweeper;
import dev.mcpspring.internal.session.McpSubscriptions;
import dev.mcpspring.internal.tool.DefaultMcpToolRegistry;
import dev.mcpspring.internal.tool.McpToolMethodFactory;
import dev.mcpspring.internal.tool.McpToolsFeature;
import dev.mcpspring.internal.tool.ToolCallObserver;
import dev.mcpspring.internal.tool.ToolTaskSubmitter;
import dev.mcpspring.internal.wire.McpJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auto-configuration of the MCP server: sessions, tools found on {@code @McpTool}
 * methods, and method dispatch. Present in any application that serves MCP or runs its
 * tasks; the HTTP endpoint is configured by {@link McpWebMvcAutoConfiguration}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration" })
@ConditionalOnMcpEnabled
@EnableConfigurationProperties({ McpServerProperties.class, McpTasksProperties.class })
public final class McpServerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	McpSessionStore mcpSessionStore(McpServerProperties properties) {
		return new InMemoryMcpSessionStore(properties.getSessionTimeout(), properties.getMaxSessions());
	}

	@Bean
	@ConditionalOnMissingBean
	McpSessionSweeper mcpSessionSweeper(McpSessionStore sessionStore, McpServerProperties properties) {
		return new McpSessionSweeper(sessionStore, properties.getSessionTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	McpSessionStreams mcpSessionStreams() {
		return new McpSessionStreams();
	}

	@Bean
	@ConditionalOnMissingBean
	McpSubscriptions mcpSubscriptions(McpSessionStreams streams, McpServerProperties properties) {
		return new McpSubscriptions(streams.relay(), properties.getListen().getMaxStreams());
	}

	@Bean
	@ConditionalOnMissingBean
	ClientRequests mcpClientRequests(McpServerProperties properties) {
		return new ClientRequests(properties.getClientRequestTimeout(), properties.getMaxPendingClientRequests());
	}

	@Bean
	@ConditionalOnMissingBean(McpToolRegistry.class)
	DefaultMcpToolRegistry mcpToolRegistry(McpTasksProperties properties,
			ObjectProvider<ToolTaskSubmitter> taskSubmitter) {
		return new DefaultMcpToolRegistry(properties.getDefaultSupport(),
				taskSubmitter.getIfAvailable() != null);
	}

	@Bean
	@ConditionalOnMissingBean
	McpToolMethodFactory mcpToolMethodFactory(ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<Validator> validator, DefaultMcpToolRegistry registry) {
		return new McpToolMethodFactory(jsonMapper.getIfAvailable(McpJson::mapper), validator.getIfUnique(),
				registry);
	}

	@Bean
	AnnotatedMethodScanner mcpAnnotatedMethodScanner(ConfigurableListableBeanFactory beanFactory,
			ObjectProvider<AnnotatedMethodRegistrar<?>> registrars) {
		return new AnnotatedMethodScanner(beanFactory, registrars.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	McpToolsFeature mcpToolsFeature(DefaultMcpToolRegistry registry, McpServerProperties properties,
			ObjectProvider<ToolTaskSubmitter> taskSubmitter, ObjectProvider<ToolCallObserver> observer,
			ObjectProvider<McpListFilter> listFilter) {
		return new McpToolsFeature(registry, properties.getPageSize(), taskSubmitter.getIfAvailable(),
				observer.getIfAvailable(() -> ToolCallObserver.NONE),
				listFilter.getIfAvailable(() -> McpListFilter.ALL));
	}

	@Bean
	@ConditionalOnMissingBean
	McpServer mcpServer(McpServerProperties server, Environment environment, McpSessionStore sessionStore,
			McpSessionStreams streams, ClientRequests clientRequests, ObjectProvider<McpFeature> features,
			McpSubscriptions subscriptions, DefaultMcpToolRegistry tools,
			ObjectProvider<DefaultMcpResourceRegistry> resources, ObjectProvider<DefaultMcpPromptRegistry> prompts) {
		String name = (server.getName() != null) ? server.getName()
				: environment.getProperty("spring.application.name", "mcp-server");
		McpServer mcpServer = new McpServer(new Implementation(name, server.getTitle(), server.getVersion()),
				server.getInstructions(), sessionStore, streams, clientRequests, features.orderedStream().toList(),
				server.getMaxClientInfoSize().toBytes(), cachePolicy(server.getCache()),
				requestStates(server, environment));
		tools.addListener(() -> listChanged(mcpServer, subscriptions, McpSubscriptions.TOOLS_LIST_CHANGED));
		resources.ifAvailable((registry) -> {
			registry.addListener(() -> listChanged(mcpServer, subscriptions, McpSubscriptions.RESOURCES_LIST_CHANGED));
			registry.addUpdateListener(subscriptions::resourceUpdated);
		});
		prompts.ifAvailable((registry) -> registry
			.addListener(() -> listChanged(mcpServer, subscriptions, McpSubscriptions.PROMPTS_LIST_CHANGED)));
		return mcpServer;
	}

	/**
	 * The codec of {@code requestState}: under a key derived from
	 * {@code mcp.tasks.encryption-key}, shared by every instance, or a random key of this
	 * process when none is set.
	 */
	private static RequestStates requestStates(McpServerProperties server, Environment environment) {
		DocketKey key = DocketKeys.optional(environment.getProperty("mcp.tasks.encryption-key"));
		return (key != null) ? new RequestStates(key.requestStateKey(), server.getRequestStateTtl(), Clock.systemUTC())
				: RequestStates.withRandomKey(server.getRequestStateTtl());
	}

	private static CachePolicy cachePolicy(McpServerProperties.Cache cache) {
		return new CachePolicy(Map.of("server/discover", hint(cache.getDiscover()), "tools/list",
				hint(cache.getTools()), "prompts/list", hint(cache.getPrompts()), "resources/list",
				hint(cache.getResources()), "resources/templates/list", hint(cache.getResourceTemplates()),
				"resources/read", hint(cache.getResourceReads())));
	}

	private static CachePolicy.Hint hint(McpServerProperties.CacheHint hint) {
		return new CachePolicy.Hint(hint.getTtl().toMillis(), hint.getScope() == McpServerProperties.Scope.PUBLIC);
	}

	/**
	 * Tells of a list change: the sessions with a stream open to this process, and the
	 * {@code subscriptions/listen} streams of every instance.
	 */
	private static void listChanged(McpServer server, McpSubscriptions subscriptions, String method) {
		server.notifyAllSessions(method, null);
		subscriptions.listChanged(method);
	}

	@Configuration(proxyBeanMethods = false)
	static class McpResourcesConfiguration {

		@Bean
		@ConditionalOnMissingBean(McpResourceRegistry.class)
		DefaultMcpResourceRegistry mcpResourceRegistry() {
			return new DefaultMcpResourceRegistry();
		}

		@Bean
		@ConditionalOnMissingBean
		McpResourceMethodFactory mcpResourceMethodFactory(ObjectProvider<JsonMapper> jsonMapper,
				DefaultMcpResourceRegistry registry) {
			return new McpResourceMethodFactory(jsonMapper.getIfAvailable(McpJson::mapper), registry);
		}

		@Bean
		@ConditionalOnMissingBean
		McpResourcesFeature mcpResourcesFeature(DefaultMcpResourceRegistry registry, McpServerProperties properties,
				McpSessionStore sessionStore, McpSessionStreams streams,
				ObjectProvider<McpResourceSubscriptionStore> subscriptionStore, ObjectProvider<McpListFilter> listFilter) {
			return new McpResourcesFeature(registry, properties.getPageSize(), sessionStore, streams,
					properties.getMaxSubscriptionsPerSession(),
					subscriptionStore.getIfAvailable(InMemoryResourceSubscriptionStore::new),
					listFilter.getIfAvailable(() -> McpListFilter.ALL));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class McpPromptsConfiguration {

		@Bean
		@ConditionalOnMissingBean(McpPromptRegistry.class)
		DefaultMcpPromptRegistry mcpPromptRegistry() {
			return new DefaultMcpPromptRegistry();
		}

		@Bean
		@ConditionalOnMissingBean
		McpPromptMethodFactory mcpPromptMethodFactory(ObjectProvider<JsonMapper> jsonMapper,
				DefaultMcpPromptRegistry registry) {
			return new McpPromptMethodFactory(jsonMapper.getIfAvailable(McpJson::mapper), registry);
		}

		@Bean
		@ConditionalOnMissingBean
		McpPromptsFeature mcpPromptsFeature(DefaultMcpPromptRegistry registry, McpServerProperties properties,
				ObjectProvider<McpListFilter> listFilter) {
			return new McpPromptsFeature(registry, properties.getPageSize(),
					listFilter.getIfAvailable(() -> McpListFilter.ALL));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class McpCompletionsConfiguration {

		@Bean
		@ConditionalOnMissingBean(McpCompletionRegistry.class)
		DefaultMcpCompletionRegistry mcpCompletionRegistry() {
			return new DefaultMcpCompletionRegistry();
		}

		@Bean
		@ConditionalOnMissingBean
		McpCompleteMethodFactory mcpCompleteMethodFactory(DefaultMcpCompletionRegistry registry) {
			return new McpCompleteMethodFactory(registry);
		}

		@Bean
		@ConditionalOnMissingBean
		McpCompletionsFeature mcpCompletionsFeature(DefaultMcpCompletionRegistry registry,
				DefaultMcpPromptRegistry prompts, DefaultMcpResourceRegistry resources) {
			return new McpCompletionsFeature(registry, prompts, resources);
		}

	}

}
