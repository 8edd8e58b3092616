/**
 * Internal support for MCP resources and resource templates: {@code @McpResource}
 * methods, listing, reading and subscriptions.
 */
@NullMarked
package dev.mcpspring.internal.resource;

import org.jspecify.annotations.NullMarked;
