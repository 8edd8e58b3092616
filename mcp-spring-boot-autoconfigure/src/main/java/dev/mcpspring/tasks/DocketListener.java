package dev.mcpspring.tasks;

/**
 * Told of what happens to tasks in a docket. With a shared docket, status changes and
 * cancellations made by any process reach the listeners of every process; the other
 * events are told only in the process where they happen. Callbacks must be quick; one
 * that throws is logged, and the docket and the other listeners go on.
 */
public interface DocketListener {

	/**
	 * A task was submitted.
	 * @param task the task
	 */
	default void onSubmitted(TaskInfo task) {
	}

	/**
	 * A task's status changed (including to a terminal status).
	 * @param task the task
	 * @param local whether this process made the change
	 */
	default void onStatusChanged(TaskInfo task, boolean local) {
	}

	/**
	 * A failed run is retried later.
	 * @param task the task, rescheduled
	 */
	default void onRetry(TaskInfo task) {
	}

	/**
	 * A task whose worker stopped renewing its lease is given to another worker.
	 * @param task the task
	 */
	default void onRedelivered(TaskInfo task) {
	}

	/**
	 * A running task was cancelled; the worker running it should stop it.
	 * @param taskId the task id
	 */
	default void onCancelRequested(String taskId) {
	}

}
