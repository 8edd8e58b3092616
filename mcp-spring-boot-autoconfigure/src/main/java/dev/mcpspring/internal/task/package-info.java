/**
 * Internal support for MCP tasks: tool calls run as tasks in the docket, and the tasks
 * methods.
 */
@NullMarked
package dev.mcpspring.internal.task;

import org.jspecify.annotations.NullMarked;
