package dev.mcpspring.tasks;

/**
 * Where a task is, as an operator sees it: {@link TaskStatus#WORKING} splits into queued
 * and running.
 */
public enum TaskState {

	/** Waiting for a worker (due or scheduled). */
	QUEUED,

	/** Claimed by a worker. */
	RUNNING,

	/** Waiting for input from the client. */
	INPUT_REQUIRED,

	/** Finished with a result. */
	COMPLETED,

	/** Finished with an error. */
	FAILED,

	/** Cancelled. */
	CANCELLED

}
