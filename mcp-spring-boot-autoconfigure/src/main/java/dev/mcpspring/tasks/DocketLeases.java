package dev.mcpspring.tasks;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The worker's side of a docket: claims due tasks under leases, renews the leases, and
 * records what the runs report, until a run finishes or is given back. A docket that
 * workers run tasks from implements this next to {@link Docket}; a lease that is not
 * renewed in time lets the docket give the task to another worker.
 */
public interface DocketLeases {

	/**
	 * Claims tasks that are due, waiting for one when none is.
	 * @param workerId the claiming worker
	 * @param max the maximum number of tasks
	 * @param wait the longest to wait for a first task
	 * @return the claimed tasks, possibly none
	 * @throws InterruptedException when the waiting thread is interrupted
	 */
	List<ClaimedTask> claim(String workerId, int max, Duration wait) throws InterruptedException;

	/**
	 * Renews the leases of running tasks, so they are not given to another worker.
	 * @param workerId the worker
	 * @param tasks the tasks it runs
	 */
	void heartbeat(String workerId, Collection<ClaimedTask> tasks);

	/**
	 * Records progress of a running task. Ignored when the lease is stale (the task was
	 * given to another worker meanwhile) or the task has finished.
	 * @param task the claimed task
	 * @param progress the progress so far
	 * @param total the total, or {@code null}
	 * @param message a status message, or {@code null} to keep the current one
	 */
	void progress(ClaimedTask task, Double progress, @Nullable Double total, @Nullable String message);

	/**
	 * Moves a running task between {@link TaskStatus#WORKING} and
	 * {@link TaskStatus#INPUT_REQUIRED}. Ignored when the lease is stale or the task has
	 * finished.
	 * @param task the claimed task
	 * @param status the new status
	 * @param message the status message, or {@code null}
	 */
	void setStatus(ClaimedTask task, TaskStatus status, @Nullable String message);

	/**
	 * Records how a run ended: the task finishes, or is retried under its policy. Ignored
	 * when the lease is stale or the task was cancelled meanwhile.
	 * @param task the claimed task
	 * @param result the outcome
	 */
	void finish(ClaimedTask task, TaskResult result);

	/**
	 * Gives a claimed task back unfinished, to be run again by any worker.
	 * @param task the claimed task
	 */
	void release(ClaimedTask task);

}
