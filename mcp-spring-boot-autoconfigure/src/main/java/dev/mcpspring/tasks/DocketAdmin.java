package dev.mcpspring.tasks;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The operator's side of a docket: every owner's tasks, the workers, counts, and the
 * actions of the task dashboard. A docket implements this next to {@link Docket}; with a
 * shared docket, every process sees the same tasks and workers.
 */
public interface DocketAdmin {

	/** The most tasks a page holds, whatever the limit asked for. */
	int MAX_PAGE_SIZE = 200;

	/**
	 * Lists the tasks of every owner, newest first. A page may hold fewer tasks than the
	 * limit and still have a next one, when the docket bounds the work of one call.
	 * @param state the state of the tasks to list, or {@code null} for all
	 * @param cursor the cursor of the page, or {@code null} for the first
	 * @param limit the maximum number of tasks, at least 1 and at most
	 * {@link #MAX_PAGE_SIZE}
	 * @return the page
	 * @throws IllegalArgumentException when the cursor is not one the docket issued
	 */
	TaskOverviewPage tasks(@Nullable TaskState state, @Nullable String cursor, int limit);

	/**
	 * Returns one task as the operator sees it.
	 * @param taskId the task id
	 * @return the task, or empty when unknown or purged
	 */
	Optional<TaskOverview> task(String taskId);

	/**
	 * Returns the workers that claimed tasks recently, with their running tasks.
	 * @return the workers, by id
	 */
	List<WorkerInfo> workers();

	/**
	 * Returns how many tasks the docket holds in each state, and how many it has taken
	 * and finished since it was created.
	 * @return the counts
	 */
	DocketStats stats();

	/**
	 * Queues a failed task to run again, as a new attempt under the same id.
	 * @param taskId the task id
	 * @return the task as it is after, or empty when unknown or not failed
	 */
	Optional<TaskInfo> retry(String taskId);

	/**
	 * Purges every finished task now, ahead of its ttl.
	 * @return how many tasks were purged
	 */
	long purgeFinished();

}
