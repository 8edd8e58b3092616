package dev.mcpspring.tasks;

import org.jspecify.annotations.Nullable;

/**
 * One run of a task on a worker, as the running function sees it.
 */
public interface TaskExecution {

	/**
	 * Returns the task as it was claimed.
	 * @return the task
	 */
	TaskInfo task();

	/**
	 * Returns whether the run should stop: the task was cancelled, timed out, or the
	 * worker is shutting down. The running thread is also interrupted.
	 * @return whether to stop
	 */
	boolean isCancelled();

	/**
	 * Records progress.
	 * @param progress the progress so far
	 * @param total the total, or {@code null}
	 * @param message a status message, or {@code null}
	 */
	void progress(Double progress, @Nullable Double total, @Nullable String message);

	/**
	 * Moves the task between working and waiting for input.
	 * @param status {@link TaskStatus#WORKING} or {@link TaskStatus#INPUT_REQUIRED}
	 * @param message a status message, or {@code null}
	 */
	void status(TaskStatus status, @Nullable String message);

	/**
	 * Returns the docket the task came from.
	 * @return the docket
	 */
	Docket docket();

}
