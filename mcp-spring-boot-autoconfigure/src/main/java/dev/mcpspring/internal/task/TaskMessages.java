package dev.mcpspring.internal.task;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.mcpspring.internal.docket.DaemonThreads;
import dev.mcpspring.internal.session.McpSessionListener;
import dev.mcpspring.internal.wire.JsonRpcNotification;
import dev.mcpspring.tasks.DocketListener;
import dev.mcpspring.tasks.TaskInfo;

/**
 * Requests a background task sends to the client (elicitation, sampling), queued until
 * the client calls {@code tasks/result}, which delivers them on its stream (as the spec
 * describes for {@code input_required}); and the {@code tasks/result} requests waiting
 * for their task to finish. A wait holds no thread: it ends on the docket's event of the
 * task's end, and one shared thread re-checks the waited-for tasks every few seconds in
 * case an event was missed (pub/sub gives no guarantee). The messages wait in
 * {@link TaskMessageQueues}: in the process that runs the task, or, scaled out, in Redis,
 * where the instance serving the task's {@code tasks/result} takes them when told they
 * were queued ({@link #queuedElsewhere}) or when it re-checks. A task's queued messages
 * are bounded, and dropped when the task ends or the session that submitted it ends.
 */
public class TaskMessages implements DocketListener, McpSessionListener {

	private static final Log logger = LogFactory.getLog(TaskMessages.class);

	private static final Duration RECHECK_INTERVAL = Duration.ofSeconds(5);

	private final TaskMessageQueues queues;

	private final Map<String, Set<Waiter>> waiters = new ConcurrentHashMap<>();

	private final Duration recheckInterval;

	private @Nullable ScheduledExecutorService scheduler;

	private boolean closed;

	/**
	 * Creates the messages, re-checking waits every 5 seconds.
	 * @param maxQueued the most messages queued for one task
	 */
	public TaskMessages(int maxQueued) {
		this(new LocalTaskMessageQueues(maxQueued));
	}

	/**
	 * Creates the messages over the given queues, re-checking waits every 5 seconds.
	 * @param queues where the messages wait
	 */
	public TaskMessages(TaskMessageQueues queues) {
		this(RECHECK_INTERVAL, queues);
	}

	TaskMessages(Duration recheckInterval, TaskMessageQueues queues) {
		this.recheckInterval = recheckInterval;
		this.queues = queues;
	}

	/**
	 * Queues a message of a task, and delivers it at once when a client waits.
	 * @param taskId the task id
	 * @param sessionId the session that submitted the task, or {@code null}
	 * @param message the message
	 * @return whether it was queued; {@code false} when the task has as many messages
	 * waiting for {@code tasks/result} as allowed
	 */
	boolean offer(String taskId, @Nullable String sessionId, JsonRpcNotification message) {
		boolean queued = this.queues.offer(taskId, sessionId, message);
		if (queued) {
			deliver(taskId);
		}
		return queued;
	}

	/**
	 * Drops the messages of a task that has ended on this process: nobody will answer
	 * them anymore.
	 * @param taskId the task id
	 */
	void ended(String taskId) {
		this.queues.ended(taskId);
	}

	/**
	 * Returns the number of tasks with messages queued.
	 * @return the number of tasks
	 */
	public int queuedTaskCount() {
		return this.queues.queuedTaskCount();
	}

	/**
	 * Delivers the messages another process queued for a task, when a client waits for
	 * it here; off the calling thread.
	 * @param taskId the task id
	 */
	public void queuedElsewhere(String taskId) {
		if (this.waiters.containsKey(taskId)) {
			ScheduledExecutorService scheduler = scheduler();
			if (scheduler != null) {
				scheduler.execute(() -> deliver(taskId));
			}
		}
	}

	/**
	 * Waits for a task to finish without holding a thread. The task's queued messages,
	 * and those it sends meanwhile, go to {@code delivery}.
	 * @param taskId the task id
	 * @param delivery receives the task's messages
	 * @param lookup reads the task's current state from the docket
	 * @return completed with the finished task, or with {@code null} when the task no
	 * longer exists; cancel it to stop waiting
	 */
	CompletableFuture<TaskInfo> await(String taskId, Consumer<JsonRpcNotification> delivery,
			Function<String, Optional<TaskInfo>> lookup) {
		Waiter waiter = new Waiter(taskId, delivery, lookup);
		this.waiters.computeIfAbsent(taskId, (id) -> ConcurrentHashMap.newKeySet()).add(waiter);
		waiter.future.whenComplete((task, failure) -> forget(waiter, task != null));
		deliver(taskId);
		check(taskId, waiter);
		if (!waiter.future.isDone()) {
			ensureRechecking();
		}
		return waiter.future;
	}

	@Override
	public void sessionEnded(String sessionId, boolean local) {
		this.queues.sessionEnded(sessionId);
	}

	@Override
	public void onStatusChanged(TaskInfo task, boolean local) {
		if (!task.status().isTerminal()) {
			return;
		}
		if (!this.waiters.containsKey(task.id())) {
			ended(task.id());
		}
		else {
			ScheduledExecutorService scheduler = scheduler();
			if (scheduler != null) {
				// the event may carry the status only: read the task off this thread
				scheduler.execute(() -> check(task.id(), null));
			}
			else {
				check(task.id(), null);
			}
		}
	}

	/**
	 * Stops re-checking; waits still end on the docket's events.
	 */
	public synchronized void close() {
		this.closed = true;
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	private void deliverNow(String taskId) {
		Set<Waiter> waiting = this.waiters.get(taskId);
		if (waiting == null) {
			return;
		}
		synchronized (waiting) {
			List<JsonRpcNotification> messages = this.queues.take(taskId);
			for (JsonRpcNotification message : messages) {
				waiting.stream()
					.filter((waiter) -> !waiter.future.isDone())
					.findFirst()
					.ifPresent((waiter) -> waiter.delivery.accept(message));
			}
		}
	}

	private void deliver(String taskId) {
		try {
			deliverNow(taskId);
		}
		catch (RuntimeException ex) {
			logger.debug("Failed to deliver the messages of task " + taskId + "; trying again later", ex);
		}
	}

	private void check(String taskId, @Nullable Waiter only) {
		Set<Waiter> waiting = this.waiters.get(taskId);
		if (waiting == null || waiting.isEmpty()) {
			return;
		}
		Waiter first = (only != null) ? only : waiting.iterator().next();
		Optional<TaskInfo> current;
		try {
			current = first.lookup.apply(taskId);
		}
		catch (RuntimeException ex) {
			if (only != null) {
				throw ex;
			}
			logger.debug("Failed to re-check task " + taskId + "; trying again later", ex);
			return;
		}
		if (current.isPresent() && !current.get().status().isTerminal()) {
			return;
		}
		deliver(taskId);
		TaskInfo task = current.orElse(null);
		if (only != null) {
			only.future.complete(task);
		}
		else {
			waiting.forEach((waiter) -> waiter.future.complete(task));
		}
	}

	private void recheck() {
		for (String taskId : this.waiters.keySet()) {
			deliver(taskId);
			try {
				check(taskId, null);
			}
			catch (RuntimeException ex) {
				logger.debug("Failed to re-check task " + taskId + "; trying again later", ex);
			}
		}
	}

	private void forget(Waiter waiter, boolean finished) {
		this.waiters.computeIfPresent(waiter.taskId, (id, set) -> {
			set.remove(waiter);
			return set.isEmpty() ? null : set;
		});
		if (finished) {
			this.queues.ended(waiter.taskId);
		}
	}

	private synchronized @Nullable ScheduledExecutorService scheduler() {
		return this.scheduler;
	}

	private synchronized void ensureRechecking() {
		if (this.scheduler == null && !this.closed) {
			this.scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("mcp-task-result-"));
			long millis = this.recheckInterval.toMillis();
			this.scheduler.scheduleWithFixedDelay(this::recheck, millis, millis, TimeUnit.MILLISECONDS);
		}
	}

	private static final class Waiter {

		private final String taskId;

		private final Consumer<JsonRpcNotification> delivery;

		private final Function<String, Optional<TaskInfo>> lookup;

		private final CompletableFuture<TaskInfo> future = new CompletableFuture<>();

		Waiter(String taskId, Consumer<JsonRpcNotification> delivery, Function<String, Optional<TaskInfo>> lookup) {
			this.taskId = taskId;
			this.delivery = delivery;
			this.lookup = lookup;
		}

	}

}
