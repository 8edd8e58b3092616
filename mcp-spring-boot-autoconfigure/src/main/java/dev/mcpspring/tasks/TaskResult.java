package dev.mcpspring.tasks;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.internal.wire.ErrorCodes;
import tools.jackson.databind.JsonNode;

/**
 * How a run of a task function ended.
 *
 * @param status {@link TaskStatus#COMPLETED} or {@link TaskStatus#FAILED}
 * @param result the result, or {@code null}
 * @param error the error, or {@code null}
 * @param retryable whether a failure may be retried under the task's policy
 */
public record TaskResult(TaskStatus status, @Nullable JsonNode result, @Nullable TaskError error,
		boolean retryable) {

	public static TaskResult completed(JsonNode result) {
		return new TaskResult(TaskStatus.COMPLETED, result, null, false);
	}

	/**
	 * A failure that still has a result to show (such as a tool result with
	 * {@code isError: true}).
	 * @param result the result
	 * @param retryable whether to retry under the task's policy
	 * @return the outcome
	 */
	public static TaskResult failed(JsonNode result, boolean retryable) {
		return new TaskResult(TaskStatus.FAILED, result, null, retryable);
	}

	/**
	 * A failure answered with an error.
	 * @param error the error
	 * @param retryable whether to retry under the task's policy
	 * @return the outcome
	 */
	public static TaskResult error(TaskError error, boolean retryable) {
		return new TaskResult(TaskStatus.FAILED, null, error, retryable);
	}

	public static TaskResult error(String message, boolean retryable) {
		return error(new TaskError(ErrorCodes.INTERNAL_ERROR, message, null), retryable);
	}

	public boolean isFailure() {
		return this.status == TaskStatus.FAILED;
	}

	public @Nullable String message() {
		if (this.error != null) {
			return this.error.message();
		}
		return isFailure() ? "The task failed" : null;
	}

}
