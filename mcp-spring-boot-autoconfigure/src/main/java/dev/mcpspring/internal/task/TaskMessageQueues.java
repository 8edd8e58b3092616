package dev.mcpspring.internal.task;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.internal.wire.JsonRpcNotification;

/**
 * Where the requests a background task sends to its client wait for {@code tasks/result}
 * to deliver them: in the process running the task, or in a store that every instance
 * reads. A task's queue is bounded.
 */
public interface TaskMessageQueues {

	/**
	 * Queues a request of a task.
	 * @param taskId the task id
	 * @param sessionId the session that submitted the task, or {@code null}
	 * @param message the request
	 * @return whether it was queued; {@code false} when the task has as many requests
	 * queued as allowed
	 */
	boolean offer(String taskId, @Nullable String sessionId, JsonRpcNotification message);

	/**
	 * Takes the queued requests of a task, in the order they were queued.
	 * @param taskId the task id
	 * @return the requests, removed from the queue; empty when there are none
	 */
	List<JsonRpcNotification> take(String taskId);

	/**
	 * Drops the requests of a task that has ended.
	 * @param taskId the task id
	 */
	void ended(String taskId);

	/**
	 * Drops the requests of the tasks of a session that has ended, where the queues can
	 * tell them.
	 * @param sessionId the session id
	 */
	void sessionEnded(String sessionId);

	/**
	 * Returns the number of tasks of this process with requests queued.
	 * @return the number of tasks
	 */
	int queuedTaskCount();

}
