package dev.mcpspring;

import java.util.List;
import java.util.Map;


/**
 * A family of resources whose URIs match a URI template: its description and how to
 * read one of them. {@link McpResource} methods with URI variables are adapted to this
 * interface; implement it to register templates with {@link McpResourceRegistry} at
 * runtime.
 */
public interface McpResourceTemplateHandler {

	/**
	 * Returns the template as listed to clients; its {@code uriTemplate} is an RFC 6570
	 * level 1 template.
	 * @return the template
	 */
	ResourceTemplate template();

	/**
	 * Reads the resource with the given URI.
	 * @param uri the URI read, matching the template
	 * @param variables the values of the template's variables, percent-decoded
	 * @param context the context of the request
	 * @return the contents
	 * @throws Exception a {@link dev.mcpspring.McpException} to answer with a
	 * JSON-RPC error (such as {@code McpException.resourceNotFound(uri)} when the values
	 * name nothing)
	 */
	List<ResourceContents> read(String uri, Map<String, String> variables, McpContext context) throws Exception;

	/**
	 * Returns the values a variable may take, for {@code completion/complete} when no
	 * completion provider is registered for it.
	 * @param variable the variable name
	 * @return the values, empty when any value goes
	 */
	default List<String> knownValues(String variable) {
		return List.of();
	}

}
