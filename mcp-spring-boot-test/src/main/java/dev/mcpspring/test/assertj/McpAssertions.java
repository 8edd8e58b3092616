package dev.mcpspring.test.assertj;

import dev.mcpspring.test.client.TaskOutcome;
import dev.mcpspring.test.client.ToolResult;

/**
 * Entry point for AssertJ assertions on the results of
 * {@link dev.mcpspring.test.client.McpTestClient}: <pre>{@code
 * McpAssertions.assertThat(client.callTool("echo", Map.of("text", "hi"))).isNotError().hasText("hi");
 * McpAssertions.assertThat(client.callToolAsTask("long_job", Map.of("seconds", 1)))
 *     .isCompleted()
 *     .result()
 *     .hasStructuredContent("/done", true);
 * }</pre>
 */
public final class McpAssertions {

	private McpAssertions() {
	}

	/**
	 * Starts assertions on a tool result.
	 * @param actual the result
	 * @return the assertions
	 */
	public static ToolResultAssert assertThat(ToolResult actual) {
		return new ToolResultAssert(actual);
	}

	/**
	 * Starts assertions on a task outcome.
	 * @param actual the outcome
	 * @return the assertions
	 */
	public static TaskOutcomeAssert assertThat(TaskOutcome actual) {
		return new TaskOutcomeAssert(actual);
	}

}
