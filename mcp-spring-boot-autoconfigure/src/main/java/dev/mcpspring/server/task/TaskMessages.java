package dev.mcpspring.server.task;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.mcpspring.tasks.DocketListener;
import dev.mcpspring.tasks.TaskInfo;

/**
 * Requests a background task sends to the client (elicitation, sampling), queued until
 * the client calls {@code tasks/result}, which delivers them on its stream (as the spec
 * describes for {@code input_required}). Held by the process that runs the task.
 */
public class TaskMessages implements DocketListener {

	/** Offered to a waiting {@code tasks/result} when its task finishes. */
	static final Object FINISHED = new Object();

	private final Map<String, BlockingQueue<Object>> queues = new ConcurrentHashMap<>();

	/**
	 * Queues a message of a task.
	 * @param taskId the task id
	 * @param message the message
	 */
	void offer(String taskId, Object message) {
		queue(taskId).offer(message);
	}

	/**
	 * Starts listening to a task's messages; call before checking the task's status, so
	 * that its finishing is not missed.
	 * @param taskId the task id
	 */
	void listen(String taskId) {
		queue(taskId);
	}

	/**
	 * Waits for the next message of a task.
	 * @param taskId the task id
	 * @param timeout the longest to wait
	 * @return the message, {@link #FINISHED}, or {@code null} after the timeout
	 * @throws InterruptedException when interrupted
	 */
	Object poll(String taskId, Duration timeout) throws InterruptedException {
		return queue(taskId).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Forgets the messages of a finished task.
	 * @param taskId the task id
	 */
	void remove(String taskId) {
		this.queues.remove(taskId);
	}

	@Override
	public void onStatusChanged(TaskInfo task, boolean local) {
		BlockingQueue<Object> queue = this.queues.get(task.id());
		if (queue != null && task.status().isTerminal()) {
			queue.offer(FINISHED);
		}
	}

	private BlockingQueue<Object> queue(String taskId) {
		return this.queues.computeIfAbsent(taskId, (id) -> new LinkedBlockingQueue<>());
	}

}
