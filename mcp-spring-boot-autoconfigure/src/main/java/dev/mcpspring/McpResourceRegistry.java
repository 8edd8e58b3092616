package dev.mcpspring;

/**
 * The resources and resource templates the server offers. Inject it to add and remove
 * resources while the application runs (clients are told with
 * {@code notifications/resources/list_changed}), and to tell subscribed clients that a
 * resource changed. Resources on {@link McpResource @McpResource} methods are registered
 * at startup.
 */
public interface McpResourceRegistry {

	/**
	 * Adds a resource with a fixed URI.
	 * @param handler the resource
	 * @throws IllegalStateException when a resource with that URI exists
	 * @throws IllegalArgumentException when the URI is a template
	 */
	void register(McpResourceHandler handler);

	/**
	 * Adds a resource template.
	 * @param handler the template
	 * @throws IllegalStateException when a template with that URI template exists
	 * @throws IllegalArgumentException when the URI template is not a level 1 template
	 */
	void register(McpResourceTemplateHandler handler);

	/**
	 * Removes a resource or a resource template.
	 * @param uriOrTemplate the URI of the resource, or the URI template of the template
	 * @return whether something was removed
	 */
	boolean remove(String uriOrTemplate);

	/**
	 * Tells clients subscribed to a resource that it changed: they receive
	 * {@code notifications/resources/updated} with the URI on their open stream.
	 * @param uri the URI of the resource that changed (possibly one matching a template)
	 */
	void resourceUpdated(String uri);

}
