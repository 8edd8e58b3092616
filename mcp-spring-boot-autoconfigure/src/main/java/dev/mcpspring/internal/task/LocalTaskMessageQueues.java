package dev.mcpspring.internal.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.internal.wire.JsonRpcNotification;

/**
 * {@link TaskMessageQueues} in the memory of the process running the tasks, for a server
 * that runs alone.
 */
final class LocalTaskMessageQueues implements TaskMessageQueues {

	private final Map<String, Queued> queues = new ConcurrentHashMap<>();

	private final int maxQueued;

	/**
	 * Creates the queues.
	 * @param maxQueued the most requests queued for one task
	 */
	LocalTaskMessageQueues(int maxQueued) {
		this.maxQueued = maxQueued;
	}

	@Override
	public boolean offer(String taskId, @Nullable String sessionId, JsonRpcNotification message) {
		boolean[] queued = new boolean[1];
		this.queues.compute(taskId, (id, existing) -> {
			Queued queue = (existing != null) ? existing : new Queued(sessionId);
			if (queue.messages.size() < this.maxQueued) {
				queued[0] = queue.messages.offer(message);
			}
			return queue;
		});
		return queued[0];
	}

	@Override
	public List<JsonRpcNotification> take(String taskId) {
		Queued queued = this.queues.get(taskId);
		if (queued == null) {
			return List.of();
		}
		List<JsonRpcNotification> taken = new ArrayList<>();
		JsonRpcNotification message;
		while ((message = queued.messages.poll()) != null) {
			taken.add(message);
		}
		return taken;
	}

	@Override
	public void ended(String taskId) {
		this.queues.remove(taskId);
	}

	@Override
	public void sessionEnded(String sessionId) {
		this.queues.values().removeIf((queue) -> sessionId.equals(queue.sessionId));
	}

	@Override
	public int queuedTaskCount() {
		return this.queues.size();
	}

	private static final class Queued {

		private final @Nullable String sessionId;

		private final Queue<JsonRpcNotification> messages = new ConcurrentLinkedQueue<>();

		Queued(@Nullable String sessionId) {
			this.sessionId = sessionId;
		}

	}

}
