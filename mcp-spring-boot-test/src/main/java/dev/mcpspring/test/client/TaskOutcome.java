package dev.mcpspring.test.client;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The end of a task: its final status and the tool's result or the error.
 *
 * @param taskId the task id, or {@code null} when the server answered the call at once
 * without creating a task
 * @param status the final status: {@code completed}, {@code failed} or
 * {@code cancelled}
 * @param statusMessage the status message, when there is one
 * @param result the tool's result, when the task produced one
 * @param error the JSON-RPC error the task ended with, when it ended with one
 */
public record TaskOutcome(@Nullable String taskId, String status, @Nullable String statusMessage,
		@Nullable ToolResult result, @Nullable JsonNode error) {

	/** The statuses a task ends in. */
	static final List<String> TERMINAL = List.of("completed", "failed", "cancelled");

	/**
	 * Returns whether the task completed.
	 * @return whether the status is {@code completed}
	 */
	public boolean isCompleted() {
		return "completed".equals(this.status);
	}

	/**
	 * Returns the tool's result.
	 * @return the result
	 * @throws AssertionError when the task produced none
	 */
	public ToolResult requiredResult() {
		if (this.result == null) {
			throw new AssertionError("Task " + this.taskId + " ended " + this.status + " without a result: " + this.error);
		}
		return this.result;
	}

}
