/**
 * Internal Micrometer metrics of the MCP server and the docket, and the health indicator
 * of the docket and its worker.
 */
@NullMarked
package dev.mcpspring.internal.observability;

import org.jspecify.annotations.NullMarked;
