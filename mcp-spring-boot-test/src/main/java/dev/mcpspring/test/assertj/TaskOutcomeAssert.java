package dev.mcpspring.test.assertj;

import org.assertj.core.api.AbstractAssert;
import tools.jackson.databind.JsonNode;

import dev.mcpspring.test.client.TaskOutcome;
import dev.mcpspring.test.client.ToolResult;

/**
 * Assertions on a {@link TaskOutcome}.
 */
public class TaskOutcomeAssert extends AbstractAssert<TaskOutcomeAssert, TaskOutcome> {

	TaskOutcomeAssert(TaskOutcome actual) {
		super(actual, TaskOutcomeAssert.class);
	}

	/**
	 * Verifies the task's final status.
	 * @param status the status: {@code completed}, {@code failed} or {@code cancelled}
	 * @return this
	 */
	public TaskOutcomeAssert hasStatus(String status) {
		isNotNull();
		if (!status.equals(this.actual.status())) {
			failWithMessage("Expected task %s to end %s but it ended %s: %s", this.actual.taskId(), status,
					this.actual.status(), this.actual);
		}
		return this;
	}

	/**
	 * Verifies that the task completed.
	 * @return this
	 */
	public TaskOutcomeAssert isCompleted() {
		return hasStatus("completed");
	}

	/**
	 * Verifies that the task failed.
	 * @return this
	 */
	public TaskOutcomeAssert isFailed() {
		return hasStatus("failed");
	}

	/**
	 * Verifies that the task was cancelled.
	 * @return this
	 */
	public TaskOutcomeAssert isCancelled() {
		return hasStatus("cancelled");
	}

	/**
	 * Verifies that the task ended with a JSON-RPC error of the given code.
	 * @param code the code
	 * @return this
	 */
	public TaskOutcomeAssert hasErrorCode(int code) {
		isNotNull();
		JsonNode error = this.actual.error();
		if (error == null || error.path("code").asInt() != code) {
			failWithMessage("Expected task %s to end with error %s but got %s", this.actual.taskId(), code,
					this.actual);
		}
		return this;
	}

	/**
	 * Continues with assertions on the tool's result.
	 * @return the assertions on the result
	 */
	public ToolResultAssert result() {
		isNotNull();
		ToolResult result = this.actual.result();
		if (result == null) {
			failWithMessage("Expected task %s to have a result but it ended %s: %s", this.actual.taskId(),
					this.actual.status(), this.actual);
		}
		return new ToolResultAssert(this.actual.requiredResult());
	}

}
