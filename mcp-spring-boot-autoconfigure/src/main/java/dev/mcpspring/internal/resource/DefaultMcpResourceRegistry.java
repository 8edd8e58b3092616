package dev.mcpspring.internal.resource;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.mcpspring.McpContext;
import dev.mcpspring.McpException;
import dev.mcpspring.McpResourceHandler;
import dev.mcpspring.McpResourceRegistry;
import dev.mcpspring.McpResourceTemplateHandler;
import dev.mcpspring.ResourceContents;

/**
 * The {@link McpResourceRegistry} of the server: the resources and resource templates in
 * URI order. Listeners (the server's {@code notifications/resources/list_changed}) are
 * told of every change, update listeners (the subscriptions) of every
 * {@link #resourceUpdated(String)}.
 */
public class DefaultMcpResourceRegistry implements McpResourceRegistry {

	private final NavigableMap<String, McpResourceHandler> resources = new ConcurrentSkipListMap<>();

	private final NavigableMap<String, RegisteredTemplate> templates = new ConcurrentSkipListMap<>();

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	private final List<Consumer<String>> updateListeners = new CopyOnWriteArrayList<>();

	@Override
	public void register(McpResourceHandler handler) {
		String uri = handler.resource().uri();
		if (uri == null || uri.isEmpty() || UriTemplate.isTemplate(uri)) {
			throw new IllegalArgumentException("'" + uri + "' is not a resource URI; register URI templates as "
					+ McpResourceTemplateHandler.class.getSimpleName());
		}
		McpResourceHandler previous = this.resources.putIfAbsent(uri, handler);
		if (previous != null) {
			throw new IllegalStateException("Duplicate MCP resource URI '" + uri + "': " + previous + " and " + handler
					+ ". Give one of them another URI.");
		}
		this.listeners.forEach(Runnable::run);
	}

	@Override
	public void register(McpResourceTemplateHandler handler) {
		String uriTemplate = handler.template().uriTemplate();
		UriTemplate parsed = UriTemplate.parse(uriTemplate);
		RegisteredTemplate previous = this.templates.putIfAbsent(uriTemplate, new RegisteredTemplate(handler, parsed));
		if (previous != null) {
			throw new IllegalStateException("Duplicate MCP resource template '" + uriTemplate + "': "
					+ previous.handler() + " and " + handler + ". Give one of them another URI template.");
		}
		this.listeners.forEach(Runnable::run);
	}

	@Override
	public boolean remove(String uriOrTemplate) {
		boolean removed = this.resources.remove(uriOrTemplate) != null
				| this.templates.remove(uriOrTemplate) != null;
		if (removed) {
			this.listeners.forEach(Runnable::run);
		}
		return removed;
	}

	@Override
	public void resourceUpdated(String uri) {
		this.updateListeners.forEach((listener) -> listener.accept(uri));
	}

	/**
	 * Reads a resource: the resource with that URI, or else the most specific template
	 * the URI matches.
	 * @param uri the URI
	 * @param context the context of the request
	 * @return the contents
	 * @throws McpException {@code -32002} when no resource or template matches
	 * @throws Exception what the resource throws
	 */
	public List<ResourceContents> read(String uri, McpContext context) throws Exception {
		McpResourceHandler resource = this.resources.get(uri);
		if (resource != null) {
			return resource.read(context);
		}
		RegisteredTemplate template = null;
		Map<String, String> variables = Map.of();
		for (RegisteredTemplate candidate : this.templates.values()) {
			if (template == null || candidate.uriTemplate().literalLength() > template.uriTemplate().literalLength()) {
				Map<String, String> matched = candidate.uriTemplate().match(uri);
				if (matched != null) {
					template = candidate;
					variables = matched;
				}
			}
		}
		if (template == null) {
			throw McpException.resourceNotFound(uri);
		}
		return template.handler().read(uri, variables, context);
	}

	/**
	 * Returns whether a URI names a resource or matches a template.
	 * @param uri the URI
	 * @return whether it can be read
	 */
	public boolean exists(String uri) {
		return this.resources.containsKey(uri)
				|| this.templates.values().stream().anyMatch((template) -> template.uriTemplate().match(uri) != null);
	}

	/**
	 * Returns a resource template.
	 * @param uriTemplate the URI template
	 * @return the template, or empty
	 */
	public Optional<RegisteredTemplate> findTemplate(String uriTemplate) {
		return Optional.ofNullable(this.templates.get(uriTemplate));
	}

	/**
	 * Returns the resources with a fixed URI, by URI.
	 * @return the resources
	 */
	public NavigableMap<String, McpResourceHandler> resources() {
		return this.resources;
	}

	/**
	 * Returns the resource templates, by URI template.
	 * @return the templates
	 */
	public NavigableMap<String, RegisteredTemplate> templates() {
		return this.templates;
	}

	/**
	 * Returns whether no resource or template is registered.
	 * @return whether the registry is empty
	 */
	public boolean isEmpty() {
		return this.resources.isEmpty() && this.templates.isEmpty();
	}

	/**
	 * Adds a listener called whenever resources or templates are added or removed.
	 * @param listener the listener
	 */
	public void addListener(Runnable listener) {
		this.listeners.add(listener);
	}

	/**
	 * Adds a listener called with the URI on every {@link #resourceUpdated(String)}.
	 * @param listener the listener
	 */
	public void addUpdateListener(Consumer<String> listener) {
		this.updateListeners.add(listener);
	}

}
