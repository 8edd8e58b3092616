/**
 * A client for tests of applications that serve MCP: {@link dev.mcpspring.test.client.McpTestClient}
 * speaks either protocol revision over real HTTP.
 */
@NullMarked
package dev.mcpspring.test.client;

import org.jspecify.annotations.NullMarked;
