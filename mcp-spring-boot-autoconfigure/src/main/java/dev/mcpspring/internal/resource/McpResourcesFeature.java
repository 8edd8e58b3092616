package dev.mcpspring.internal.resource;

import java.util.List;
import java.util.Map;

import dev.mcpspring.McpContext;
import dev.mcpspring.McpException;
import dev.mcpspring.McpResourceHandler;
import dev.mcpspring.ReadResourceResult;
import dev.mcpspring.ResourceContents;
import dev.mcpspring.internal.method.McpListFilter;
import dev.mcpspring.internal.method.Pagination;
import dev.mcpspring.internal.session.ExchangeMcpContext;
import dev.mcpspring.internal.session.InMemoryResourceSubscriptionStore;
import dev.mcpspring.internal.session.McpFeature;
import dev.mcpspring.internal.session.McpRequestHandler;
import dev.mcpspring.internal.session.McpResourceSubscriptionStore;
import dev.mcpspring.internal.session.McpSession;
import dev.mcpspring.internal.session.McpSessionStore;
import dev.mcpspring.internal.session.McpSessionStreams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code resources/*} methods: listing resources and templates, reading, and
 * subscriptions to updates. Offers the {@code resources} capability only while the
 * application has a resource or template.
 */
public class McpResourcesFeature implements McpFeature {

	private static final Map<String, Object> EMPTY_RESULT = Map.of();

	private final DefaultMcpResourceRegistry registry;

	private final int pageSize;

	private final McpListFilter listFilter;

	private final ResourceSubscriptions subscriptions;

	/**
	 * Creates the feature.
	 * @param registry the resources
	 * @param pageSize the maximum number of resources or templates per page
	 * @param sessions the sessions, to drop subscriptions of ended sessions
	 * @param streams the open streams, where update notifications are sent
	 * @param maxSubscriptionsPerSession how many URIs one session may subscribe to
	 */
	public McpResourcesFeature(DefaultMcpResourceRegistry registry, int pageSize, McpSessionStore sessions,
			McpSessionStreams streams, int maxSubscriptionsPerSession) {
		this(registry, pageSize, sessions, streams, maxSubscriptionsPerSession,
				new InMemoryResourceSubscriptionStore(), McpListFilter.ALL);
	}

	/**
	 * Creates the feature with the subscriptions kept in a store.
	 * @param registry the resources
	 * @param pageSize the maximum number of resources or templates per page
	 * @param sessions the sessions, to drop subscriptions of ended sessions
	 * @param streams the open streams, where update notifications are sent
	 * @param maxSubscriptionsPerSession how many URIs one session may subscribe to
	 * @param subscriptionStore where the subscriptions are kept
	 * @param listFilter which resources and templates the lists show the caller
	 */
	public McpResourcesFeature(DefaultMcpResourceRegistry registry, int pageSize, McpSessionStore sessions,
			McpSessionStreams streams, int maxSubscriptionsPerSession, McpResourceSubscriptionStore subscriptionStore,
			McpListFilter listFilter) {
		this.registry = registry;
		this.listFilter = listFilter;
		this.pageSize = pageSize;
		this.subscriptions = new ResourceSubscriptions(subscriptionStore, sessions, streams,
				maxSubscriptionsPerSession);
		registry.addUpdateListener(this.subscriptions::resourceUpdated);
	}

	/**
	 * Returns the number of resource subscriptions this process keeps in memory, of all
	 * sessions (none when they are kept in Redis).
	 * @return the number of subscriptions
	 */
	public int subscriptionCount() {
		return this.subscriptions.count();
	}

	@Override
	public void contributeCapabilities(Map<String, Object> capabilities) {
		if (!this.registry.isEmpty()) {
			capabilities.put("resources", Map.of("subscribe", true, "listChanged", true));
		}
	}

	@Override
	public Map<String, McpRequestHandler> requestHandlers() {
		return Map.of("resources/list",
				(params, context) -> Pagination.page(params, this.registry.resources(), this.pageSize, "resources",
						McpResourceHandler::resource,
						(uri) -> this.listFilter.isListed(McpListFilter.Kind.RESOURCE, uri)),
				"resources/templates/list",
				(params, context) -> Pagination.page(params, this.registry.templates(), this.pageSize,
						"resourceTemplates", (template) -> template.handler().template(),
						(template) -> this.listFilter.isListed(McpListFilter.Kind.RESOURCE_TEMPLATE, template)),
				"resources/read", this::read, "resources/subscribe", this::subscribe, "resources/unsubscribe",
				this::unsubscribe);
	}

	private Object read(ObjectNode params, McpContext context) throws Exception {
		String uri = uri(params, "resources/read");
		List<ResourceContents> contents = this.registry.read(uri, context);
		if (contents == null) {
			throw McpException.resourceNotFound(uri);
		}
		return new ReadResourceResult(contents);
	}

	private Object subscribe(ObjectNode params, McpContext context) {
		String uri = uri(params, "resources/subscribe");
		if (!this.registry.exists(uri)) {
			throw McpException.resourceNotFound(uri);
		}
		this.subscriptions.subscribe(session(context).id(), uri);
		return EMPTY_RESULT;
	}

	private Object unsubscribe(ObjectNode params, McpContext context) {
		this.subscriptions.unsubscribe(session(context).id(), uri(params, "resources/unsubscribe"));
		return EMPTY_RESULT;
	}

	private static McpSession session(McpContext context) {
		McpSession session = ExchangeMcpContext.exchangeOf(context).session();
		if (session == null) {
			throw McpException.invalidRequest("Resource subscriptions need a session");
		}
		return session;
	}

	private static String uri(ObjectNode params, String method) {
		JsonNode uri = params.get("uri");
		if (uri == null || !uri.isString() || uri.stringValue().isEmpty()) {
			throw McpException.invalidParams(method + " needs a \"uri\" string");
		}
		return uri.stringValue();
	}

}
