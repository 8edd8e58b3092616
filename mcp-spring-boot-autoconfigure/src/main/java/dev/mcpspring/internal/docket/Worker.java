package dev.mcpspring.internal.docket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import dev.mcpspring.internal.wire.ErrorCodes;
import dev.mcpspring.tasks.ClaimedTask;
import dev.mcpspring.tasks.Docket;
import dev.mcpspring.tasks.DocketLeases;
import dev.mcpspring.tasks.DocketListener;
import dev.mcpspring.tasks.TaskError;
import dev.mcpspring.tasks.TaskExecution;
import dev.mcpspring.tasks.TaskFunction;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskResult;
import dev.mcpspring.tasks.TaskStatus;

/**
 * Runs tasks from a {@link Docket}, through its {@link DocketLeases}: claims due tasks
 * (waking as soon as one is submitted), runs at most {@code concurrency} of them at a
 * time, renews their leases with heartbeats, and stops them cooperatively on
 * cancellation (a flag plus a thread interrupt).
 * <p>
 * Lifecycle: started after the docket and before the web server; stopped after the web
 * server has drained its requests. On stop it claims nothing more, lets running tasks
 * finish for up to the shutdown timeout, then interrupts the rest and releases them back
 * to the docket for another worker. While it runs, its dispatcher thread keeps the JVM
 * alive, so a worker-only process needs no web server to stay up.
 */
public class Worker implements SmartLifecycle {

	/**
	 * Phase of the worker: below the web server's ({@code DEFAULT_PHASE - 2048}), so it
	 * starts before the server takes requests and stops after it has drained them.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 3072;

	private static final Log logger = LogFactory.getLog(Worker.class);

	private static final Duration CLAIM_WAIT = Duration.ofSeconds(1);

	private final String id;

	private final Docket docket;

	private final DocketLeases leases;

	private final TaskFunctionRegistry functions;

	private final int concurrency;

	private final Duration leaseTimeout;

	private final Duration shutdownTimeout;

	private final boolean virtualThreads;

	private final WorkerObserver observer;

	private final Map<String, Run> running = new ConcurrentHashMap<>();

	private final Semaphore permits;

	private final AtomicInteger active = new AtomicInteger();

	private volatile boolean accepting;

	private volatile @Nullable Thread dispatcher;

	@SuppressWarnings("NullAway.Init") // set by start(), used only while started
	private Executor executor;

	@SuppressWarnings("NullAway.Init") // set by start(), used only while started
	private ScheduledExecutorService timer;

	/**
	 * Creates a worker.
	 * @param id the worker id, unique among the docket's workers
	 * @param docket the docket; it must also be the {@link DocketLeases} of its tasks
	 * @param functions the functions it can run
	 * @param settings concurrency and timing
	 * @param observer told of every run
	 * @throws IllegalArgumentException when the docket does not lease its tasks
	 */
	public Worker(String id, Docket docket, TaskFunctionRegistry functions, Settings settings,
			WorkerObserver observer) {
		this.id = id;
		this.docket = docket;
		this.leases = leasesOf(docket);
		this.functions = functions;
		this.concurrency = settings.concurrency();
		this.leaseTimeout = settings.leaseTimeout();
		this.shutdownTimeout = settings.shutdownTimeout();
		this.virtualThreads = settings.virtualThreads();
		this.observer = observer;
		this.permits = new Semaphore(this.concurrency);
		docket.addListener(new DocketListener() {

			@Override
			public void onCancelRequested(String taskId) {
				Run run = Worker.this.running.get(taskId);
				if (run != null) {
					run.stop();
				}
			}

		});
	}

	public String id() {
		return this.id;
	}

	public int concurrency() {
		return this.concurrency;
	}

	/**
	 * Returns how many tasks this worker is running.
	 * @return the number of running tasks
	 */
	public int runningCount() {
		return this.active.get();
	}

	@Override
	public synchronized void start() {
		if (this.accepting) {
			return;
		}
		this.accepting = true;
		this.executor = this.virtualThreads ? virtualThreadExecutor() : Executors.newFixedThreadPool(
				this.concurrency, DaemonThreads.named("mcp-worker-" + this.id + "-"));
		this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("mcp-worker-timer-"));
		long beat = Math.max(10, this.leaseTimeout.toMillis() / 3);
		this.timer.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
		Thread thread = new Thread(this::dispatch, "mcp-worker-" + this.id + "-dispatcher");
		this.dispatcher = thread;
		thread.start();
	}

	@Override
	public void stop(Runnable callback) {
		synchronized (this) {
			if (!this.accepting) {
				callback.run();
				return;
			}
			this.accepting = false;
		}
		Thread stopper = new Thread(() -> {
			try {
				drain();
			}
			finally {
				callback.run();
			}
		}, "mcp-worker-" + this.id + "-shutdown");
		stopper.setDaemon(true);
		stopper.start();
	}

	@Override
	public void stop() {
		this.accepting = false;
		drain();
	}

	@Override
	public boolean isRunning() {
		return this.accepting;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void dispatch() {
		while (this.accepting) {
			int claimable = 0;
			try {
				this.permits.acquire();
				claimable = 1 + this.permits.drainPermits();
				List<ClaimedTask> claimed = this.accepting ? this.leases.claim(this.id, claimable, CLAIM_WAIT)
						: List.of();
				this.permits.release(claimable - claimed.size());
				claimable = 0;
				for (ClaimedTask task : claimed) {
					if (this.accepting) {
						this.executor.execute(() -> run(task));
					}
					else {
						this.leases.release(task);
						this.permits.release();
					}
				}
			}
			catch (InterruptedException ex) {
				this.permits.release(claimable);
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				this.permits.release(claimable);
				logger.warn("Worker " + this.id + " could not claim tasks; retrying", ex);
				sleepQuietly(CLAIM_WAIT);
			}
		}
	}

	private void run(ClaimedTask claimed) {
		TaskInfo task = claimed.task();
		Run run = new Run(claimed);
		this.running.put(task.id(), run);
		this.active.incrementAndGet();
		ScheduledFuture<?> timeout = (task.timeout() != null)
				? this.timer.schedule(run::timeOut, task.timeout().toNanos(), TimeUnit.NANOSECONDS) : null;
		long start = System.nanoTime();
		this.observer.started(task);
		TaskResult result;
		try {
			result = run.execute();
		}
		finally {
			if (timeout != null) {
				timeout.cancel(false);
			}
			this.running.remove(task.id());
			this.active.decrementAndGet();
		}
		String outcome;
		// The permit comes back once the run is recorded: runs recorded together (a
		// docket may send them in one call) free their permits together, for one claim
		try {
			if (run.released) {
				this.leases.release(claimed);
				outcome = "released";
			}
			else {
				if (run.timedOut) {
					result = TaskResult.error("The task timed out after " + task.timeout(), true);
				}
				this.leases.finish(claimed, result);
				outcome = run.cancelled ? "cancelled" : result.status().wireName();
			}
		}
		finally {
			this.permits.release();
		}
		this.observer.finished(task, outcome, System.nanoTime() - start);
	}

	private void heartbeat() {
		if (this.running.isEmpty()) {
			return;
		}
		List<ClaimedTask> claimed = new ArrayList<>(this.running.size());
		this.running.values().forEach((run) -> claimed.add(run.claimed));
		try {
			this.leases.heartbeat(this.id, claimed);
		}
		catch (RuntimeException ex) {
			logger.warn("Worker " + this.id + " could not renew the leases of its tasks", ex);
		}
	}

	private void drain() {
		Thread thread = this.dispatcher;
		if (thread != null) {
			joinQuietly(thread, CLAIM_WAIT.multipliedBy(2));
		}
		long deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
		while (!this.running.isEmpty() && System.nanoTime() < deadline) {
			sleepQuietly(Duration.ofMillis(20));
		}
		if (!this.running.isEmpty()) {
			logger.info("Worker " + this.id + " releasing " + this.running.size()
					+ " unfinished task(s) back to the docket");
			this.running.values().forEach(Run::release);
			long releaseDeadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (!this.running.isEmpty() && System.nanoTime() < releaseDeadline) {
				sleepQuietly(Duration.ofMillis(20));
			}
		}
		this.timer.shutdownNow();
		if (this.executor instanceof ExecutorService service) {
			service.shutdown();
		}
	}

	private static DocketLeases leasesOf(Docket docket) {
		if (docket instanceof DocketLeases leases) {
			return leases;
		}
		throw new IllegalArgumentException("A worker cannot run the tasks of " + docket.getClass().getName()
				+ ": it does not implement DocketLeases");
	}

	private static Executor virtualThreadExecutor() {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("mcp-worker-");
		executor.setVirtualThreads(true);
		return executor;
	}

	private static void sleepQuietly(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void joinQuietly(Thread thread, Duration timeout) {
		try {
			thread.join(timeout.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Concurrency and timing of a worker.
	 *
	 * @param concurrency the most tasks run at once
	 * @param leaseTimeout how long a task may go without a heartbeat before the docket
	 * gives it to another worker
	 * @param shutdownTimeout how long running tasks may finish on stop
	 * @param virtualThreads whether to run tasks on virtual threads (Java 21+)
	 */
	public record Settings(int concurrency, Duration leaseTimeout, Duration shutdownTimeout,
			boolean virtualThreads) {
	}

	/**
	 * One run of a task on this worker.
	 */
	private final class Run implements TaskExecution {

		private final ClaimedTask claimed;

		private @Nullable Thread thread;

		private volatile boolean cancelled;

		private volatile boolean timedOut;

		private volatile boolean released;

		Run(ClaimedTask claimed) {
			this.claimed = claimed;
		}

		TaskResult execute() {
			synchronized (this) {
				this.thread = Thread.currentThread();
			}
			TaskInfo task = this.claimed.task();
			try {
				TaskFunction function = Worker.this.functions.find(task.function()).orElse(null);
				if (function == null) {
					return TaskResult.error(new TaskError(ErrorCodes.METHOD_NOT_FOUND,
							"No task function '" + task.function() + "' on worker " + Worker.this.id, null), false);
				}
				return function.run(task, this);
			}
			catch (Exception ex) {
				logger.debug("Task " + task.id() + " (" + task.function() + ") failed", ex);
				return TaskResult.error((ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName(),
						true);
			}
			finally {
				synchronized (this) {
					this.thread = null;
					Thread.interrupted();
				}
			}
		}

		void stop() {
			this.cancelled = true;
			interrupt();
		}

		void timeOut() {
			this.timedOut = true;
			stop();
		}

		void release() {
			this.released = true;
			stop();
		}

		private synchronized void interrupt() {
			if (this.thread != null) {
				this.thread.interrupt();
			}
		}

		@Override
		public TaskInfo task() {
			return this.claimed.task();
		}

		@Override
		public boolean isCancelled() {
			return this.cancelled;
		}

		@Override
		public void progress(Double progress, @Nullable Double total, @Nullable String message) {
			Worker.this.leases.progress(this.claimed, progress, total, message);
		}

		@Override
		public void status(TaskStatus status, @Nullable String message) {
			Worker.this.leases.setStatus(this.claimed, status, message);
		}

		@Override
		public Docket docket() {
			return Worker.this.docket;
		}

	}

}
