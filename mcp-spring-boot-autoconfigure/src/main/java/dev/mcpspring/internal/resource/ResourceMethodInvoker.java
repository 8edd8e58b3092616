package dev.mcpspring.internal.resource;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.McpContext;
import dev.mcpspring.McpResource;
import dev.mcpspring.ResourceContents;
import dev.mcpspring.internal.method.InvocableMethod;

/**
 * Calls an {@link McpResource} method for a read of a URI and converts what it returns.
 */
final class ResourceMethodInvoker {

	private final InvocableMethod<Read> invocable;

	private final ResourceResultConverter converter;

	private final @Nullable String mimeType;

	private final boolean returnsContentsCollection;

	/**
	 * Creates an invoker.
	 * @param invocable the method, with its parameters resolved from a {@link Read}
	 * @param converter converts return values
	 * @param mimeType the MIME type of text and binary contents, or {@code null}
	 * @param returnsContentsCollection whether the method returns a collection of
	 * {@link ResourceContents}
	 */
	ResourceMethodInvoker(InvocableMethod<Read> invocable, ResourceResultConverter converter, @Nullable String mimeType,
			boolean returnsContentsCollection) {
		this.invocable = invocable;
		this.converter = converter;
		this.mimeType = mimeType;
		this.returnsContentsCollection = returnsContentsCollection;
	}

	List<ResourceContents> invoke(String uri, Map<String, String> variables, McpContext context) throws Exception {
		Object result = this.invocable.invoke(new Read(uri, variables), context);
		if (this.returnsContentsCollection && result instanceof Collection<?> collection && collection.isEmpty()) {
			return List.of();
		}
		return this.converter.convert(result, uri, this.mimeType);
	}

	@Override
	public String toString() {
		return this.invocable.toString();
	}

	/**
	 * A read of a resource, what the method's parameters are resolved from.
	 *
	 * @param uri the URI being read
	 * @param variables the values of the URI template's variables
	 */
	record Read(String uri, Map<String, String> variables) {

	}

}
