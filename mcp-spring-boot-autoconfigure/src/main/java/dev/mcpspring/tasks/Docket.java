package dev.mcpspring.tasks;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * The task queue and store, as submitters see it: they put tasks in, and anyone with the
 * id can follow them. Tasks are data (a function name, JSON arguments, metadata), so a
 * docket may live in another process. Workers claim and run the tasks through the
 * docket's {@link DocketLeases}.
 */
public interface Docket {

	/**
	 * Submits a task. With an idempotency key the same owner already used, returns the
	 * existing task (keys are scoped to the owner: two owners using one key make two
	 * tasks).
	 * @param spec what to run
	 * @return the task
	 * @throws TaskRefusedException when the submission exceeds a limit of the docket
	 */
	TaskInfo submit(TaskSpec spec);

	/**
	 * Returns a task.
	 * @param taskId the task id
	 * @return the task, or empty when unknown or purged
	 */
	Optional<TaskInfo> get(String taskId);

	/**
	 * Lists the tasks of an owner, oldest first.
	 * @param owner the owner
	 * @param cursor the cursor of the page, or {@code null} for the first
	 * @param limit the maximum number of tasks
	 * @return the page
	 * @throws IllegalArgumentException when the cursor is not one the docket issued
	 */
	TaskPage list(String owner, @Nullable String cursor, int limit);

	/**
	 * Cancels a task that has not finished; a running task is told to stop.
	 * @param taskId the task id
	 * @param message the status message to record
	 * @return the cancelled task, or empty when the task is unknown or had already
	 * finished
	 */
	Optional<TaskInfo> cancel(String taskId, String message);

	/**
	 * Delivers the client's answers to the input requests of a task waiting for input
	 * ({@link TaskInput}). Answers to keys the task does not wait for are ignored; once
	 * every request is answered, the task is queued to run again with all answers.
	 * @param taskId the task id
	 * @param responses the answers, by key
	 * @return the task as it is after, or empty when unknown
	 * @throws TaskRefusedException when the answers exceed the docket's size limit
	 */
	Optional<TaskInfo> answer(String taskId, Map<String, JsonNode> responses);

	/**
	 * Waits until a task finishes, without polling.
	 * @param taskId the task id
	 * @param timeout the longest to wait
	 * @return the task, finished or (after the timeout) as it is; empty when unknown
	 * @throws InterruptedException when the waiting thread is interrupted
	 */
	Optional<TaskInfo> await(String taskId, Duration timeout) throws InterruptedException;

	/**
	 * Adds a listener for task events.
	 * @param listener the listener
	 */
	void addListener(DocketListener listener);

	/**
	 * Checks that the docket's store can be reached, for health reporting.
	 * @throws RuntimeException when it cannot
	 */
	default void checkAvailable() {
	}

	/**
	 * Returns how many tasks wait to run (due or scheduled).
	 * @return the number of queued tasks
	 */
	long queuedCount();

	/**
	 * Returns how many tasks are claimed by workers.
	 * @return the number of running tasks
	 */
	long runningCount();

}
