package dev.mcpspring.tasks;

/**
 * A function a worker can run, known to the docket by name.
 */
@FunctionalInterface
public interface TaskFunction {

	/**
	 * Runs the task.
	 * @param task the task, with its arguments and metadata
	 * @param execution progress reporting and cancellation of this run
	 * @return how the run ended
	 * @throws Exception any failure; it fails the run (retried under the task's policy)
	 */
	TaskResult run(TaskInfo task, TaskExecution execution) throws Exception;

}
