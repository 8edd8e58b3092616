package dev.mcpspring.tasks;

/**
 * A task a worker has claimed, and the lease under which it runs it.
 *
 * @param task the task, as claimed
 * @param leaseId identifies this claim; a stale lease cannot finish the task
 */
public record ClaimedTask(TaskInfo task, String leaseId) {
}
