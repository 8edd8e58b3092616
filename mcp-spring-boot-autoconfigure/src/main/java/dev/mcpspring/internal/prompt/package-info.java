/**
 * Internal support for MCP prompts: {@code @McpPrompt} methods, listing prompts and
 * getting them.
 */
@NullMarked
package dev.mcpspring.internal.prompt;

import org.jspecify.annotations.NullMarked;
