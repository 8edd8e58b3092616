package dev.mcpspring.internal.docket;

import dev.mcpspring.tasks.TaskInfo;

/**
 * Told of every task run on a worker, for metrics.
 */
public interface WorkerObserver {

	/** An observer that does nothing. */
	WorkerObserver NONE = new WorkerObserver() {
	};

	/**
	 * A run started.
	 * @param task the task
	 */
	default void started(TaskInfo task) {
	}

	/**
	 * A run ended.
	 * @param task the task
	 * @param outcome {@code completed}, {@code failed}, {@code cancelled} or
	 * {@code released}
	 * @param nanos how long it ran
	 */
	default void finished(TaskInfo task, String outcome, long nanos) {
	}

}
