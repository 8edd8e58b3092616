package dev.mcpspring;

import java.util.List;
import java.util.function.Supplier;


/**
 * A resource with a fixed URI: its description and how to read it. {@link McpResource}
 * methods without URI variables are adapted to this interface; implement it (or use
 * {@link #of}) to register resources with {@link McpResourceRegistry} at runtime.
 */
public interface McpResourceHandler {

	/**
	 * Returns the resource as listed to clients.
	 * @return the resource
	 */
	Resource resource();

	/**
	 * Reads the resource.
	 * @param context the context of the request
	 * @return the contents
	 * @throws Exception a {@link dev.mcpspring.McpException} to answer with a
	 * JSON-RPC error (such as {@code McpException.resourceNotFound(uri)})
	 */
	List<ResourceContents> read(McpContext context) throws Exception;

	/**
	 * Returns a handler that reads contents from a supplier.
	 * @param resource the resource as listed
	 * @param contents supplies the contents on each read
	 * @return the handler
	 */
	static McpResourceHandler of(Resource resource, Supplier<? extends List<ResourceContents>> contents) {
		return new McpResourceHandler() {

			@Override
			public Resource resource() {
				return resource;
			}

			@Override
			public List<ResourceContents> read(McpContext context) {
				return contents.get();
			}

			@Override
			public String toString() {
				return "resource " + resource.uri();
			}

		};
	}

}
