/**
 * Auto-configuration and configuration properties for MCP servers, the docket and its
 * worker.
 */
@NullMarked
package dev.mcpspring.autoconfigure;

import org.jspecify.annotations.NullMarked;
