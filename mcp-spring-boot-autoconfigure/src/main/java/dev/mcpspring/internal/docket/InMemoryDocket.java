package dev.mcpspring.internal.docket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

import dev.mcpspring.internal.wire.RandomIds;
import dev.mcpspring.tasks.ClaimedTask;
import dev.mcpspring.tasks.Docket;
import dev.mcpspring.tasks.DocketAdmin;
import dev.mcpspring.tasks.DocketLeases;
import dev.mcpspring.tasks.DocketListener;
import dev.mcpspring.tasks.DocketStats;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskOverview;
import dev.mcpspring.tasks.TaskOverviewPage;
import dev.mcpspring.tasks.TaskPage;
import dev.mcpspring.tasks.TaskRefusedException;
import dev.mcpspring.tasks.TaskResult;
import dev.mcpspring.tasks.TaskSpec;
import dev.mcpspring.tasks.TaskState;
import dev.mcpspring.tasks.TaskStatus;
import dev.mcpspring.tasks.WorkerInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A {@link Docket} in this process's memory: the embedded default, nothing to install.
 * Workers waiting in {@link #claim} wake the moment a task is submitted. Finished tasks
 * are purged once their ttl has passed, so memory stays bounded: each owner may have a
 * limited number of unfinished tasks and keeps a limited number of finished ones (beyond
 * it, that owner's own oldest finished tasks go first; see {@link DocketLimits}), and
 * once the docket holds its capacity in all, new submissions are refused until finished
 * tasks expire. One owner's tasks are never purged before their ttl because of another
 * owner's. Anonymous tasks of unauthenticated clients count together, as those of one
 * owner, against the anonymous limits. A claimed task whose lease is not renewed is given
 * to another worker, up to two deliveries beyond its retry policy's attempts. Tasks do
 * not survive the process, neither unfinished nor finished ones; use a shared docket for
 * that. Workers not heard from for a minute are forgotten.
 */
public class InMemoryDocket implements Docket, DocketLeases, DocketAdmin, SmartLifecycle {

	/** Started before the worker and the web server, stopped after them. */
	public static final int PHASE = Worker.PHASE - 1024;

	@SuppressWarnings("NullAway") // a marker put in the ready queue, whose task is never read
	private static final Entry WAKE_UP = new Entry(null, null);

	private static final Bucket ANONYMOUS = new Bucket(null);

	private static final Duration WORKER_MEMORY = Duration.ofMinutes(1);

	/** The most tasks one listing looks at, so that a rare state costs a bounded scan. */
	private static final int MAX_LISTING_SCAN = 10_000;

	private static final Pattern CURSOR = Pattern.compile("\\d{19}:\\d{9}:[0-9a-f]+");

	private final Map<String, Entry> tasks = new ConcurrentHashMap<>();

	private final Map<String, String> idempotencyKeys = new ConcurrentHashMap<>();

	private final Map<String, NavigableMap<String, String>> byOwner = new ConcurrentHashMap<>();

	private final NavigableMap<String, String> byCreation = new ConcurrentSkipListMap<>();

	private final Map<String, Instant> workers = new ConcurrentHashMap<>();

	private final AtomicLong submittedTotal = new AtomicLong();

	private final AtomicLong finishedTotal = new AtomicLong();

	private final LinkedBlockingQueue<Entry> ready = new LinkedBlockingQueue<>();

	private final DelayQueue<Scheduled> scheduled = new DelayQueue<>();

	private final Map<String, Entry> leased = new ConcurrentHashMap<>();

	private final TreeSet<Expiry> expiries = new TreeSet<>();

	private final Map<Bucket, Owner> owners = new ConcurrentHashMap<>();

	private final DocketListeners listeners = new DocketListeners();

	private final ObjectMapper mapper;

	private final Duration defaultTtl;

	private final Duration leaseTimeout;

	private final int capacity;

	private final DocketLimits limits;

	private final Clock clock;

	private volatile @Nullable ScheduledExecutorService sweeper;

	/**
	 * Creates a docket.
	 * @param mapper writes task arguments as JSON
	 * @param defaultTtl how long finished tasks are kept when their spec says nothing
	 * @param leaseTimeout how long a claimed task may go without a heartbeat before it
	 * is given to another worker
	 * @param capacity the number of tasks kept at most, unfinished and finished
	 */
	public InMemoryDocket(ObjectMapper mapper, Duration defaultTtl, Duration leaseTimeout, int capacity) {
		this(mapper, defaultTtl, leaseTimeout, capacity, DocketLimits.DEFAULTS);
	}

	/**
	 * Creates a docket.
	 * @param mapper writes task arguments as JSON
	 * @param defaultTtl how long finished tasks are kept when their spec says nothing
	 * @param leaseTimeout how long a claimed task may go without a heartbeat before it
	 * is given to another worker
	 * @param capacity the number of tasks kept at most, unfinished and finished
	 * @param limits the limits per owner and per task
	 */
	public InMemoryDocket(ObjectMapper mapper, Duration defaultTtl, Duration leaseTimeout, int capacity,
			DocketLimits limits) {
		this(mapper, defaultTtl, leaseTimeout, capacity, limits, Clock.systemUTC());
	}

	InMemoryDocket(ObjectMapper mapper, Duration defaultTtl, Duration leaseTimeout, int capacity, DocketLimits limits,
			Clock clock) {
		this.mapper = mapper;
		this.defaultTtl = defaultTtl;
		this.leaseTimeout = leaseTimeout;
		this.capacity = capacity;
		this.limits = limits;
		this.clock = clock;
	}

	@Override
	public TaskInfo submit(TaskSpec spec) {
		String key = (spec.idempotencyKey() != null) ? idempotencyKey(spec.owner(), spec.idempotencyKey()) : null;
		if (key != null) {
			Optional<TaskInfo> existing = Optional.ofNullable(this.idempotencyKeys.get(key)).flatMap(this::get);
			if (existing.isPresent()) {
				return existing.get();
			}
		}
		JsonNode arguments = (spec.arguments() instanceof JsonNode node) ? node
				: this.mapper.valueToTree(spec.arguments());
		this.limits.checkArguments(this.mapper, arguments);
		this.limits.checkInput(this.mapper, spec.inputResponses());
		if (this.tasks.size() >= this.capacity) {
			throw new TaskRefusedException("The task store is full (" + this.capacity
					+ " tasks, mcp.docket.capacity); retry when finished tasks have expired");
		}
		Duration ttl = (spec.ttl() != null) ? spec.ttl() : this.defaultTtl;
		TaskInfo task = TaskInfo.submitted(RandomIds.next(), spec, arguments, ttl, this.clock.instant());
		if (key != null) {
			String winner = this.idempotencyKeys.putIfAbsent(key, task.id());
			if (winner != null && !winner.equals(task.id())) {
				Optional<TaskInfo> existing = get(winner);
				if (existing.isPresent()) {
					return existing.get();
				}
				this.idempotencyKeys.put(key, task.id());
			}
		}
		Bucket bucket = (task.owner() != null) ? new Bucket(task.owner())
				: DocketLimits.isAnonymous(spec) ? ANONYMOUS : null;
		if (bucket != null) {
			try {
				this.owners.compute(bucket, (counted, counts) -> {
					Owner held = (counts != null) ? counts : new Owner();
					if (held.active >= this.limits.maxActive(counted.isAnonymous())) {
						throw this.limits.tooManyActive(counted.isAnonymous());
					}
					held.active++;
					return held;
				});
			}
			catch (TaskRefusedException ex) {
				if (key != null) {
					this.idempotencyKeys.remove(key, task.id());
				}
				throw ex;
			}
		}
		Entry entry = new Entry(task, bucket);
		this.tasks.put(task.id(), entry);
		if (task.owner() != null) {
			this.byOwner.computeIfAbsent(task.owner(), (owner) -> new ConcurrentSkipListMap<>())
				.put(ownerKey(task), task.id());
		}
		this.byCreation.put(ownerKey(task), task.id());
		this.submittedTotal.incrementAndGet();
		enqueue(entry);
		this.listeners.onSubmitted(task);
		return task;
	}

	@Override
	public Optional<TaskInfo> get(String taskId) {
		Entry entry = this.tasks.get(taskId);
		return (entry != null) ? Optional.of(entry.task) : Optional.empty();
	}

	@Override
	public TaskPage list(String owner, @Nullable String cursor, int limit) {
		NavigableMap<String, String> owned = this.byOwner.getOrDefault(owner, new ConcurrentSkipListMap<>());
		if (cursor != null && !CURSOR.matcher(cursor).matches()) {
			throw new IllegalArgumentException("Invalid cursor");
		}
		NavigableMap<String, String> rest = (cursor != null) ? owned.tailMap(cursor, false) : owned;
		List<TaskInfo> page = new ArrayList<>();
		String last = null;
		for (Map.Entry<String, String> item : rest.entrySet()) {
			Entry entry = this.tasks.get(item.getValue());
			if (entry == null) {
				continue;
			}
			if (page.size() == limit) {
				return new TaskPage(page, last);
			}
			page.add(entry.task);
			last = item.getKey();
		}
		return new TaskPage(page, null);
	}

	@Override
	public TaskOverviewPage tasks(@Nullable TaskState state, @Nullable String cursor, int limit) {
		if (cursor != null && !CURSOR.matcher(cursor).matches()) {
			throw new IllegalArgumentException("Invalid cursor");
		}
		NavigableMap<String, String> newestFirst = ((cursor != null) ? this.byCreation.headMap(cursor, false)
				: this.byCreation).descendingMap();
		int size = Math.max(1, Math.min(limit, MAX_PAGE_SIZE));
		List<TaskOverview> page = new ArrayList<>();
		String last = null;
		int scanned = 0;
		for (Map.Entry<String, String> item : newestFirst.entrySet()) {
			if (page.size() == size || scanned++ == MAX_LISTING_SCAN) {
				return new TaskOverviewPage(page, last);
			}
			last = item.getKey();
			Entry entry = this.tasks.get(item.getValue());
			TaskOverview overview = (entry != null) ? entry.overview() : null;
			if (overview != null && (state == null || overview.state() == state)) {
				page.add(overview);
			}
		}
		return new TaskOverviewPage(page, null);
	}

	@Override
	public Optional<TaskOverview> task(String taskId) {
		return Optional.ofNullable(this.tasks.get(taskId)).map(Entry::overview);
	}

	@Override
	public List<WorkerInfo> workers() {
		Instant forgotten = this.clock.instant().minus(WORKER_MEMORY);
		this.workers.values().removeIf((lastSeen) -> lastSeen.isBefore(forgotten));
		Map<String, List<String>> running = new HashMap<>();
		for (Entry entry : this.leased.values()) {
			String worker = entry.worker;
			if (worker != null) {
				running.computeIfAbsent(worker, (id) -> new ArrayList<>()).add(entry.task.id());
			}
		}
		return this.workers.entrySet()
			.stream()
			.map((worker) -> new WorkerInfo(worker.getKey(), worker.getValue(),
					List.copyOf(running.getOrDefault(worker.getKey(), List.of()))))
			.sorted(Comparator.comparing(WorkerInfo::id))
			.toList();
	}

	@Override
	public DocketStats stats() {
		Map<TaskState, Long> counts = new EnumMap<>(TaskState.class);
		for (TaskState state : TaskState.values()) {
			counts.put(state, 0L);
		}
		for (Entry entry : this.tasks.values()) {
			counts.merge(entry.overview().state(), 1L, Long::sum);
		}
		return new DocketStats(counts, this.submittedTotal.get(), this.finishedTotal.get());
	}

	@Override
	public Optional<TaskInfo> retry(String taskId) {
		Entry entry = this.tasks.get(taskId);
		if (entry == null) {
			return Optional.empty();
		}
		TaskInfo retried;
		synchronized (entry) {
			TaskInfo task = entry.task;
			if (task.status() != TaskStatus.FAILED || !unscheduleExpiry(entry)) {
				return Optional.empty();
			}
			if (entry.bucket != null) {
				this.owners.compute(entry.bucket, (counted, counts) -> {
					Owner held = (counts != null) ? counts : new Owner();
					held.finished.remove(taskId);
					held.active++;
					return held;
				});
			}
			Instant now = this.clock.instant();
			retried = task.rescheduled(now, "Retried by an operator", now);
			entry.task = retried;
			entry.finished = new CompletableFuture<>();
			// Told before a worker can take it, so that its next status is heard after this
			this.listeners.onStatusChanged(retried, true);
			enqueue(entry);
		}
		return Optional.of(retried);
	}

	@Override
	public long purgeFinished() {
		long purged = 0;
		for (Entry entry : this.tasks.values()) {
			synchronized (entry) {
				TaskInfo task = entry.task;
				if (task.status().isTerminal() && unscheduleExpiry(entry)) {
					purge(entry);
					purged++;
				}
			}
		}
		return purged;
	}

	/**
	 * Takes a finished task's expiry back, so the sweeper leaves it alone. Called with
	 * the entry's lock held.
	 * @return whether it was still scheduled (else the task is being purged or evicted)
	 */
	private boolean unscheduleExpiry(Entry entry) {
		synchronized (this.expiries) {
			return this.expiries.remove(new Expiry(expiresAt(entry.task), entry));
		}
	}

	@Override
	public Optional<TaskInfo> cancel(String taskId, String message) {
		Entry entry = this.tasks.get(taskId);
		if (entry == null) {
			return Optional.empty();
		}
		TaskInfo cancelled;
		boolean running;
		synchronized (entry) {
			if (entry.task.status().isTerminal()) {
				return Optional.empty();
			}
			cancelled = entry.task.finished(TaskStatus.CANCELLED, message, null, null, this.clock.instant());
			running = entry.leaseId != null;
			finish(entry, cancelled);
		}
		if (running) {
			this.listeners.onCancelRequested(taskId);
		}
		this.listeners.onStatusChanged(cancelled, true);
		return Optional.of(cancelled);
	}

	@Override
	public Optional<TaskInfo> answer(String taskId, Map<String, JsonNode> responses) {
		Entry entry = this.tasks.get(taskId);
		if (entry == null) {
			return Optional.empty();
		}
		this.limits.checkInput(this.mapper, responses);
		TaskInfo changed;
		synchronized (entry) {
			TaskInfo task = entry.task;
			if (task.status() != TaskStatus.INPUT_REQUIRED) {
				return Optional.of(task);
			}
			changed = task.answered(responses, this.clock.instant());
			entry.task = changed;
			if (changed.status() == TaskStatus.WORKING) {
				enqueue(entry);
			}
			else {
				awaitInput(entry);
			}
		}
		if (changed.status() == TaskStatus.WORKING) {
			this.listeners.onStatusChanged(changed, true);
		}
		return Optional.of(changed);
	}

	@Override
	public Optional<TaskInfo> await(String taskId, Duration timeout) throws InterruptedException {
		Entry entry = this.tasks.get(taskId);
		if (entry == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(entry.finished.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
		}
		catch (TimeoutException ex) {
			return Optional.of(entry.task);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public List<ClaimedTask> claim(String workerId, int max, Duration wait) throws InterruptedException {
		this.workers.put(workerId, this.clock.instant());
		List<ClaimedTask> claimed = new ArrayList<>(Math.min(max, 64));
		long deadline = System.nanoTime() + wait.toNanos();
		while (claimed.isEmpty()) {
			promoteDueTasks();
			Entry first = this.ready.poll();
			if (first == null) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					return claimed;
				}
				Scheduled next = this.scheduled.peek();
				if (next != null) {
					remaining = Math.max(0, Math.min(remaining, next.getDelay(TimeUnit.NANOSECONDS)));
				}
				first = this.ready.poll(remaining, TimeUnit.NANOSECONDS);
				if (first == null) {
					continue;
				}
			}
			List<Entry> batch = new ArrayList<>(Math.min(max, 64));
			batch.add(first);
			this.ready.drainTo(batch, max - 1);
			for (Entry entry : batch) {
				ClaimedTask task = lease(entry, workerId);
				if (task != null) {
					claimed.add(task);
				}
			}
		}
		return claimed;
	}

	@Override
	public void heartbeat(String workerId, Collection<ClaimedTask> claimed) {
		this.workers.put(workerId, this.clock.instant());
		long expires = System.nanoTime() + this.leaseTimeout.toNanos();
		for (ClaimedTask task : claimed) {
			Entry entry = this.tasks.get(task.task().id());
			if (entry != null) {
				synchronized (entry) {
					if (task.leaseId().equals(entry.leaseId)) {
						entry.leaseExpires = expires;
					}
				}
			}
		}
	}

	@Override
	public void progress(ClaimedTask claimed, Double progress, @Nullable Double total, @Nullable String message) {
		update(claimed.task().id(), (entry) -> {
			if (claimed.leaseId().equals(entry.leaseId) && !entry.task.status().isTerminal()) {
				entry.task = entry.task.withProgress(progress, total, message, this.clock.instant());
			}
		});
	}

	@Override
	public void setStatus(ClaimedTask claimed, TaskStatus status, @Nullable String message) {
		if (status.isTerminal()) {
			throw new IllegalArgumentException("Use finish or cancel for terminal statuses");
		}
		Entry entry = this.tasks.get(claimed.task().id());
		if (entry == null) {
			return;
		}
		TaskInfo changed;
		synchronized (entry) {
			if (!claimed.leaseId().equals(entry.leaseId) || entry.task.status().isTerminal()
					|| entry.task.status() == status) {
				return;
			}
			changed = entry.task.withStatus(status, message, this.clock.instant());
			entry.task = changed;
		}
		this.listeners.onStatusChanged(changed, true);
	}

	@Override
	public void finish(ClaimedTask claimed, TaskResult outcome) {
		Entry entry = this.tasks.get(claimed.task().id());
		if (entry == null) {
			return;
		}
		TaskResult result = this.limits.bound(this.mapper, outcome);
		TaskInfo changed;
		boolean retry;
		synchronized (entry) {
			if (!claimed.leaseId().equals(entry.leaseId)) {
				return;
			}
			unlease(entry);
			TaskInfo task = entry.task;
			if (task.status().isTerminal()) {
				return;
			}
			Instant now = this.clock.instant();
			retry = result.isFailure() && result.retryable() && task.attempts() < task.retry().maxAttempts();
			if (result.status() == TaskStatus.INPUT_REQUIRED) {
				changed = task.waitingForInput(result.inputRequests(), now);
				entry.task = changed;
				awaitInput(entry);
			}
			else if (retry) {
				Instant runAt = now.plus(task.retry().delayBefore(task.attempts() + 1));
				changed = task.rescheduled(runAt, "Retrying after failure: " + result.message(), now);
				entry.task = changed;
				enqueue(entry);
			}
			else {
				changed = task.finished(result.status(), result.message(), result.result(), result.error(), now);
				finish(entry, changed);
			}
		}
		if (retry) {
			this.listeners.onRetry(changed);
		}
		else {
			this.listeners.onStatusChanged(changed, true);
		}
	}

	@Override
	public void release(ClaimedTask claimed) {
		update(claimed.task().id(), (entry) -> {
			if (claimed.leaseId().equals(entry.leaseId)) {
				unlease(entry);
				if (!entry.task.status().isTerminal()) {
					entry.task = entry.task.rescheduled(this.clock.instant(), "Released by its worker",
							this.clock.instant());
					enqueue(entry);
				}
			}
		});
	}

	@Override
	public void addListener(DocketListener listener) {
		this.listeners.add(listener);
	}

	@Override
	public long queuedCount() {
		return this.ready.size() + this.scheduled.size();
	}

	@Override
	public long runningCount() {
		return this.leased.size();
	}

	@Override
	public void start() {
		ScheduledExecutorService sweeper = Executors
			.newSingleThreadScheduledExecutor(DaemonThreads.named("mcp-docket-sweeper-"));
		long period = Math.max(100, Math.min(1000, this.leaseTimeout.toMillis() / 4));
		sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
		this.sweeper = sweeper;
	}

	@Override
	public void stop() {
		ScheduledExecutorService sweeper = this.sweeper;
		if (sweeper != null) {
			sweeper.shutdownNow();
			this.sweeper = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.sweeper != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Redelivers tasks whose lease expired, purges finished tasks past their ttl and
	 * drops tasks that waited for input longer than their ttl.
	 */
	void sweep() {
		long now = System.nanoTime();
		for (Entry entry : this.leased.values()) {
			if (now - entry.leaseExpires > 0) {
				redeliver(entry);
			}
		}
		Instant instant = this.clock.instant();
		Expiry expired;
		while ((expired = nextExpired(instant)) != null) {
			TaskInfo task = expired.entry.task;
			if (task.status().isTerminal() && !expiresAt(task).isAfter(instant)) {
				// Not when the expiry is that of an earlier wait for input
				purge(expired.entry);
			}
			else if (task.status() == TaskStatus.INPUT_REQUIRED && !inputDeadline(task).isAfter(instant)) {
				abandon(expired.entry);
			}
		}
	}

	/**
	 * Starts (or restarts, after a partial answer) the wait of a task for input: past
	 * its ttl without an answer, the task is dropped. Called with the entry's lock held.
	 */
	private void awaitInput(Entry entry) {
		synchronized (this.expiries) {
			this.expiries.add(new Expiry(inputDeadline(entry.task), entry));
		}
	}

	private static Instant inputDeadline(TaskInfo task) {
		return task.updatedAt().plus(task.ttl());
	}

	/**
	 * Drops a task that waited for input longer than its ttl.
	 */
	private void abandon(Entry entry) {
		synchronized (entry) {
			if (entry.task.status() != TaskStatus.INPUT_REQUIRED) {
				return;
			}
			drop(entry.task);
		}
		if (entry.bucket != null) {
			this.owners.computeIfPresent(entry.bucket, (counted, held) -> {
				held.active--;
				return held.isEmpty() ? null : held;
			});
		}
	}

	/**
	 * Takes the next finished task to purge, holding the lock only for that, so that
	 * tasks finishing meanwhile are not held up by a long purge.
	 */
	private @Nullable Expiry nextExpired(Instant now) {
		synchronized (this.expiries) {
			if (this.expiries.isEmpty() || this.expiries.first().at.isAfter(now)) {
				return null;
			}
			return this.expiries.pollFirst();
		}
	}

	private void redeliver(Entry entry) {
		TaskInfo changed;
		synchronized (entry) {
			if (entry.leaseId == null || System.nanoTime() - entry.leaseExpires <= 0) {
				return;
			}
			unlease(entry);
			TaskInfo task = entry.task;
			if (task.status().isTerminal()) {
				return;
			}
			Instant now = this.clock.instant();
			if (task.attempts() >= task.retry().maxAttempts() + 2) {
				changed = task.finished(TaskStatus.FAILED, "The task's worker stopped responding "
						+ task.attempts() + " times", null, null, now);
				finish(entry, changed);
			}
			else {
				changed = task.rescheduled(now, "Redelivered: its worker stopped responding", now);
				entry.task = changed;
				enqueue(entry);
			}
		}
		if (changed.status().isTerminal()) {
			this.listeners.onStatusChanged(changed, true);
		}
		else {
			this.listeners.onRedelivered(changed);
		}
	}

	private void purge(Entry entry) {
		TaskInfo task = entry.task;
		drop(task);
		if (entry.bucket != null) {
			this.owners.computeIfPresent(entry.bucket, (counted, held) -> {
				held.finished.remove(task.id());
				return held.isEmpty() ? null : held;
			});
		}
	}

	/**
	 * Removes a finished task from the store and its indexes, but not from its owner's
	 * counts.
	 */
	private void drop(TaskInfo task) {
		this.tasks.remove(task.id());
		this.byCreation.remove(ownerKey(task));
		if (task.idempotencyKey() != null) {
			this.idempotencyKeys.remove(idempotencyKey(task.owner(), task.idempotencyKey()), task.id());
		}
		if (task.owner() != null) {
			this.byOwner.computeIfPresent(task.owner(), (owner, owned) -> {
				owned.remove(ownerKey(task));
				return owned.isEmpty() ? null : owned;
			});
		}
	}

	private @Nullable ClaimedTask lease(Entry entry, String workerId) {
		if (entry == WAKE_UP) {
			return null;
		}
		synchronized (entry) {
			if (entry.leaseId != null || entry.task.status().isTerminal() || !entry.queued) {
				return null;
			}
			entry.queued = false;
			entry.leaseId = UUID.randomUUID().toString();
			entry.worker = workerId;
			entry.leaseExpires = System.nanoTime() + this.leaseTimeout.toNanos();
			entry.task = entry.task.started(this.clock.instant());
			this.leased.put(entry.task.id(), entry);
			return new ClaimedTask(entry.task, entry.leaseId);
		}
	}

	private void unlease(Entry entry) {
		entry.leaseId = null;
		entry.worker = null;
		this.leased.remove(entry.task.id());
	}

	/**
	 * Puts a task in the ready queue, or in the scheduled queue when it is not due.
	 * Called with the entry's lock held or before the entry is shared.
	 */
	private void enqueue(Entry entry) {
		entry.queued = true;
		long delay = Duration.between(this.clock.instant(), entry.task.runAt()).toNanos();
		if (delay > 0) {
			this.scheduled.add(new Scheduled(entry, System.nanoTime() + delay));
			this.ready.offer(WAKE_UP);
		}
		else {
			this.ready.offer(entry);
		}
	}

	private void promoteDueTasks() {
		Scheduled due;
		while ((due = this.scheduled.poll()) != null) {
			this.ready.offer(due.entry);
		}
	}

	/**
	 * Records a terminal status. Called with the entry's lock held.
	 */
	private void finish(Entry entry, TaskInfo finished) {
		entry.task = finished;
		entry.queued = false;
		entry.finished.complete(finished);
		this.finishedTotal.incrementAndGet();
		synchronized (this.expiries) {
			this.expiries.add(new Expiry(expiresAt(finished), entry));
		}
		if (entry.bucket != null) {
			this.owners.computeIfPresent(entry.bucket, (counted, held) -> {
				held.active--;
				held.finished.add(finished.id());
				if (held.finished.size() > this.limits.maxRetained(counted.isAnonymous())) {
					Iterator<String> oldest = held.finished.iterator();
					Entry evicted = this.tasks.get(oldest.next());
					oldest.remove();
					if (evicted != null) {
						evict(evicted);
					}
				}
				return held;
			});
		}
	}

	/**
	 * Purges a finished task before its ttl, because its owner (or the anonymous tasks)
	 * holds too many.
	 */
	private void evict(Entry entry) {
		TaskInfo task = entry.task;
		synchronized (this.expiries) {
			this.expiries.remove(new Expiry(expiresAt(task), entry));
		}
		drop(task);
	}

	private void update(String taskId, Consumer<Entry> change) {
		Entry entry = this.tasks.get(taskId);
		if (entry != null) {
			synchronized (entry) {
				change.accept(entry);
			}
		}
	}

	private static String idempotencyKey(@Nullable String owner, String key) {
		return ((owner != null) ? owner : "") + '\n' + key;
	}

	private static Instant expiresAt(TaskInfo finished) {
		Instant expiresAt = finished.expiresAt();
		Assert.state(expiresAt != null, "A finished task has an expiry");
		return expiresAt;
	}

	private static String ownerKey(TaskInfo task) {
		Instant created = task.createdAt();
		return String.format("%019d:%09d:%s", created.getEpochSecond(), created.getNano(), task.id());
	}


	private static final class Entry {

		private volatile TaskInfo task;

		private final @Nullable Bucket bucket;

		private volatile CompletableFuture<TaskInfo> finished = new CompletableFuture<>();

		private @Nullable String leaseId;

		private volatile @Nullable String worker;

		private volatile long leaseExpires;

		private boolean queued;

		Entry(TaskInfo task, @Nullable Bucket bucket) {
			this.task = task;
			this.bucket = bucket;
		}

		TaskOverview overview() {
			TaskInfo task = this.task;
			String worker = this.worker;
			return switch (task.status()) {
				case WORKING -> (worker != null) ? new TaskOverview(task, TaskState.RUNNING, worker)
						: new TaskOverview(task, TaskState.QUEUED, null);
				case INPUT_REQUIRED -> new TaskOverview(task, TaskState.INPUT_REQUIRED, null);
				case COMPLETED -> new TaskOverview(task, TaskState.COMPLETED, null);
				case FAILED -> new TaskOverview(task, TaskState.FAILED, null);
				case CANCELLED -> new TaskOverview(task, TaskState.CANCELLED, null);
			};
		}

	}

	private record Scheduled(Entry entry, long dueNanos) implements Delayed {

		@Override
		public long getDelay(TimeUnit unit) {
			return unit.convert(this.dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
		}

		@Override
		public int compareTo(Delayed other) {
			return Long.compare(this.dueNanos, ((Scheduled) other).dueNanos);
		}

	}

	private record Expiry(Instant at, Entry entry) implements Comparable<Expiry> {

		@Override
		public int compareTo(Expiry other) {
			int byTime = this.at.compareTo(other.at);
			return (byTime != 0) ? byTime : this.entry.task.id().compareTo(other.entry.task.id());
		}

	}

	/**
	 * Whose tasks count together against a limit: an owner's, or ({@code null} owner) the
	 * anonymous tasks of unauthenticated clients.
	 */
	private record Bucket(@Nullable String owner) {

		boolean isAnonymous() {
			return this.owner == null;
		}

	}

	/**
	 * What one owner (or the anonymous tasks) holds: its unfinished tasks (counted) and its finished tasks, oldest
	 * first. Changed only in {@code owners.compute*}.
	 */
	private static final class Owner {

		private int active;

		private final LinkedHashSet<String> finished = new LinkedHashSet<>();

		boolean isEmpty() {
			return this.active <= 0 && this.finished.isEmpty();
		}

	}

}
