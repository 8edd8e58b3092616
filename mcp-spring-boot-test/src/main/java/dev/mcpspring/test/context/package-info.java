/**
 * Test context support: an {@link dev.mcpspring.test.client.McpTestClient} bean for
 * {@code @SpringBootTest} tests with an embedded web server.
 */
@NullMarked
package dev.mcpspring.test.context;

import org.jspecify.annotations.NullMarked;
