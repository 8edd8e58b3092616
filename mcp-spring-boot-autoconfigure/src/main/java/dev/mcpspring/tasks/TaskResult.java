package dev.mcpspring.tasks;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.internal.wire.ErrorCodes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a run of a task function ended.
 *
 * @param status {@link TaskStatus#COMPLETED}, {@link TaskStatus#FAILED}, or
 * {@link TaskStatus#INPUT_REQUIRED} when the run asked the client for input
 * @param result the result (the requests by key, when input is required), or
 * {@code null}
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

	/**
	 * A run that ended because it asked the client for input: the task waits for the
	 * answers, then runs again (see {@link TaskInput}).
	 * @param requests the requests, by key
	 * @return the outcome
	 */
	public static TaskResult inputRequired(ObjectNode requests) {
		return new TaskResult(TaskStatus.INPUT_REQUIRED, requests, null, false);
	}

	public static TaskResult error(String message, boolean retryable) {
		return error(new TaskError(ErrorCodes.INTERNAL_ERROR, message, null), retryable);
	}

	/**
	 * Returns the requests of a run that asked for input.
	 * @return the requests by key, empty unless {@link TaskStatus#INPUT_REQUIRED}
	 */
	public Map<String, JsonNode> inputRequests() {
		Map<String, JsonNode> requests = new LinkedHashMap<>();
		if (this.status == TaskStatus.INPUT_REQUIRED && this.result != null) {
			this.result.properties().forEach((entry) -> requests.put(entry.getKey(), entry.getValue()));
		}
		return requests;
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
