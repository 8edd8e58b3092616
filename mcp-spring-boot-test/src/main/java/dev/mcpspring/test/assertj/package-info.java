/**
 * AssertJ assertions for the results of {@link dev.mcpspring.test.client.McpTestClient}.
 */
@NullMarked
package dev.mcpspring.test.assertj;

import org.jspecify.annotations.NullMarked;
