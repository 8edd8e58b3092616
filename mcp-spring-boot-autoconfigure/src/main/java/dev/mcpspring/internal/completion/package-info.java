/**
 * Internal support for MCP completions of prompt and resource template arguments.
 */
@NullMarked
package dev.mcpspring.internal.completion;

import org.jspecify.annotations.NullMarked;
