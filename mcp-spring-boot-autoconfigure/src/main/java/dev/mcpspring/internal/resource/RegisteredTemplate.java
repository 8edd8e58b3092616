package dev.mcpspring.internal.resource;

import dev.mcpspring.McpResourceTemplateHandler;

/**
 * A resource template as registered.
 *
 * @param handler the template
 * @param uriTemplate its parsed URI template
 */
public record RegisteredTemplate(McpResourceTemplateHandler handler, UriTemplate uriTemplate) {
}
