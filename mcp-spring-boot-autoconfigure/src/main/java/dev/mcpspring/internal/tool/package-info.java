/**
 * Internal support for MCP tools: {@code @McpTool} methods, listing and calling tools.
 */
@NullMarked
package dev.mcpspring.internal.tool;

import org.jspecify.annotations.NullMarked;
