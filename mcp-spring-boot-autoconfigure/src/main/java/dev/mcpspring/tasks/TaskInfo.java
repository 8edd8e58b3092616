package dev.mcpspring.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * A snapshot of a task in a docket.
 *
 * @param id the task id (128 random bits, hex)
 * @param function the function run
 * @param arguments the function's arguments
 * @param owner who may see and cancel the task, or {@code null}
 * @param status the status
 * @param statusMessage a human-readable status, or {@code null}
 * @param progress the progress reported so far, or {@code null}
 * @param total the total reported, or {@code null}
 * @param createdAt when the task was submitted
 * @param updatedAt when the task last changed
 * @param runAt when the task is due to run
 * @param finishedAt when the task reached a terminal status, or {@code null}
 * @param ttl how long the task is kept after it finishes
 * @param attempts how many times the task has been started
 * @param retry the retry policy
 * @param timeout the longest a run may take, or {@code null}
 * @param idempotencyKey the idempotency key, or {@code null}
 * @param result the function's result, or {@code null}
 * @param error the error the task failed with, or {@code null}
 * @param metadata strings carried from the submitter to the worker
 * @param input the input the task waits for and has
 */
public record TaskInfo(String id, String function, @Nullable JsonNode arguments, @Nullable String owner,
		TaskStatus status, @Nullable String statusMessage, @Nullable Double progress, @Nullable Double total,
		Instant createdAt, Instant updatedAt, Instant runAt, @Nullable Instant finishedAt, Duration ttl, int attempts,
		RetryPolicy retry, @Nullable Duration timeout, @Nullable String idempotencyKey, @Nullable JsonNode result,
		@Nullable TaskError error, Map<String, String> metadata, TaskInput input) {

	/**
	 * Creates the record of a newly submitted task.
	 * @param id the task id
	 * @param spec the submission
	 * @param arguments the arguments as JSON
	 * @param ttl the retention after finishing
	 * @param now the submission time
	 * @return the task
	 */
	public static TaskInfo submitted(String id, TaskSpec spec, @Nullable JsonNode arguments, Duration ttl,
			Instant now) {
		Instant runAt = (spec.runAt() != null && spec.runAt().isAfter(now)) ? spec.runAt() : now;
		return new TaskInfo(id, spec.function(), arguments, spec.owner(), TaskStatus.WORKING, null, null, null, now,
				now, runAt, null, ttl, 0, spec.retry(), spec.timeout(), spec.idempotencyKey(), null, null,
				spec.metadata(), new TaskInput(Map.of(), spec.inputResponses()));
	}

	public TaskInfo started(Instant now) {
		return new TaskInfo(this.id, this.function, this.arguments, this.owner, TaskStatus.WORKING,
				this.statusMessage, this.progress, this.total, this.createdAt, now, this.runAt, null, this.ttl,
				this.attempts + 1, this.retry, this.timeout, this.idempotencyKey, null, null, this.metadata, this.input);
	}

	public TaskInfo withStatus(TaskStatus status, @Nullable String message, Instant now) {
		return new TaskInfo(this.id, this.function, this.arguments, this.owner, status, message, this.progress,
				this.total, this.createdAt, now, this.runAt, this.finishedAt, this.ttl, this.attempts, this.retry,
				this.timeout, this.idempotencyKey, this.result, this.error, this.metadata, this.input);
	}

	public TaskInfo withProgress(@Nullable Double progress, @Nullable Double total, @Nullable String message,
			Instant now) {
		return new TaskInfo(this.id, this.function, this.arguments, this.owner, this.status,
				(message != null) ? message : this.statusMessage, progress, total, this.createdAt, now, this.runAt,
				this.finishedAt, this.ttl, this.attempts, this.retry, this.timeout, this.idempotencyKey, this.result,
				this.error, this.metadata, this.input);
	}

	public TaskInfo rescheduled(Instant runAt, @Nullable String message, Instant now) {
		return new TaskInfo(this.id, this.function, this.arguments, this.owner, TaskStatus.WORKING, message,
				this.progress, this.total, this.createdAt, now, runAt, null, this.ttl, this.attempts, this.retry,
				this.timeout, this.idempotencyKey, null, null, this.metadata, this.input);
	}

	public TaskInfo finished(TaskStatus status, @Nullable String message, @Nullable JsonNode result,
			@Nullable TaskError error, Instant now) {
		return new TaskInfo(this.id, this.function, this.arguments, this.owner, status, message, this.progress,
				this.total, this.createdAt, now, this.runAt, now, this.ttl, this.attempts, this.retry, this.timeout,
				this.idempotencyKey, result, error, this.metadata, TaskInput.NONE);
	}

	/**
	 * Returns the task waiting for input after a run that asked for it; that run does not
	 * count as an attempt.
	 * @param requests the requests of the run, by key
	 * @param now the time
	 * @return the task, {@link TaskStatus#INPUT_REQUIRED}
	 */
	public TaskInfo waitingForInput(Map<String, JsonNode> requests, Instant now) {
		return withInput(TaskStatus.INPUT_REQUIRED, "Waiting for input from the client", this.input.asking(requests),
				Math.max(this.attempts - 1, 0), now);
	}

	/**
	 * Returns the task with answers to its input requests: still waiting while some are
	 * unanswered, else {@link TaskStatus#WORKING} again, to be run with every answer.
	 * @param answers the answers, by key; those to keys the task does not wait for are
	 * ignored
	 * @param now the time
	 * @return the task
	 */
	public TaskInfo answered(Map<String, JsonNode> answers, Instant now) {
		TaskInput answered = this.input.answering(answers);
		return answered.requests().isEmpty()
				? withInput(TaskStatus.WORKING, "Resumed with the client's input", answered, this.attempts, now)
				: withInput(this.status, this.statusMessage, answered, this.attempts, now);
	}

	private TaskInfo withInput(TaskStatus status, @Nullable String message, TaskInput input, int attempts,
			Instant now) {
		return new TaskInfo(this.id, this.function, this.arguments, this.owner, status, message, this.progress,
				this.total, this.createdAt, now, this.runAt, this.finishedAt, this.ttl, attempts, this.retry,
				this.timeout, this.idempotencyKey, this.result, this.error, this.metadata, input);
	}

	/**
	 * Returns when a finished task may be purged.
	 * @return the expiry, or {@code null} while the task has not finished
	 */
	public @Nullable Instant expiresAt() {
		return (this.finishedAt != null) ? this.finishedAt.plus(this.ttl) : null;
	}

}
