package dev.mcpspring.internal.docket.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.ByteRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.mcpspring.internal.docket.DaemonThreads;
import dev.mcpspring.internal.docket.DocketKey;
import dev.mcpspring.internal.docket.DocketLimits;
import dev.mcpspring.internal.docket.DocketListeners;
import dev.mcpspring.internal.docket.InMemoryDocket;
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
import dev.mcpspring.tasks.TaskResult;
import dev.mcpspring.tasks.TaskSpec;
import dev.mcpspring.tasks.TaskState;
import dev.mcpspring.tasks.TaskStatus;
import dev.mcpspring.tasks.WorkerInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A {@link Docket} in Redis, shared by every instance of an application: web nodes submit
 * and follow tasks, worker nodes run them, and no task is lost when a process dies.
 * <ul>
 * <li>Ready work is a Redis Stream read by the consumer group {@value #GROUP} with
 * blocking {@code XREADGROUP} on a connection of each worker's own; work scheduled for
 * later (or a retry after a delay) waits in a sorted set until it is due.</li>
 * <li>A task's state, progress and result are a hash that expires the task's ttl after it
 * finishes; an idempotency key holds until then, across redeliveries.</li>
 * <li>A lease is a pending entry of the group: heartbeats reset its idle time, and an
 * entry idle for longer than the lease timeout is reclaimed ({@code XAUTOCLAIM}) and run
 * by another worker, up to two deliveries beyond the retry policy's attempts.</li>
 * <li>Every change is one Lua script ({@code docket.lua}), so checks and changes never
 * race between processes, the per-owner and anonymous limits included
 * ({@link DocketLimits}); status changes and cancellations are published on a channel
 * (task id and status, authenticated with the {@link DocketKey}), so that the
 * listeners of every process hear them, and {@link #await} wakes on them without
 * polling. The event of a finished run carries the task too, when it is small, so that
 * other processes need not read it back.</li>
 * <li>Keys: {@code <name>:task:<id>} (id: 32 hex digits; other ids are never looked up),
 * {@code <name>:owner:<sha-256 of the owner>} (and {@code :active}, {@code :done}),
 * {@code <name>:anonymous} (and {@code :active}, {@code :done}) for the anonymous tasks
 * of unauthenticated clients, counted together as those of one owner,
 * {@code <name>:idem:<sha-256 of owner and key>}; for the operator ({@link DocketAdmin}),
 * {@code <name>:all} (every task, by creation), {@code <name>:state:<state>} (the tasks
 * in each {@link TaskState}, moved by the script that changes the state, so that the
 * counts are exact) and {@code <name>:totals}; sessions live under
 * {@code <name>:session:}.</li>
 * </ul>
 * Needs Redis 6.2 or later, standalone or behind Sentinel (not Redis Cluster). What
 * survives a restart of Redis depends on its persistence settings: with
 * {@code appendonly yes} queued and running tasks survive; without persistence a
 * restart loses them.
 */
public class RedisDocket implements Docket, DocketLeases, DocketAdmin, SmartLifecycle {

	/** Started before the worker and the web server, stopped after them. */
	public static final int PHASE = InMemoryDocket.PHASE;

	/** The consumer group of the workers. */
	public static final String GROUP = "workers";

	private static final Log logger = LogFactory.getLog(RedisDocket.class);

	private static final Pattern CURSOR = Pattern.compile("\\d{19}:\\d{9}:[0-9a-f]+");

	private static final Pattern TASK_ID = Pattern.compile("[0-9a-f]{32}");

	private static final Duration SAFETY_RECHECK = Duration.ofSeconds(5);

	private static final Duration FINISH_RETRY_LIMIT = Duration.ofSeconds(30);

	private static final int PROMOTE_BATCH = 500;

	private static final int SUBMIT_BATCH = 64;

	private static final int FINISH_BATCH = 64;

	private static final int READ_BATCH = 256;

	private static final int ADMIN_BATCH = 500;

	/** The longest task (as JSON) that a finished run's event carries to other processes. */
	private static final int EVENT_TASK_LIMIT = 2048;

	private static final int MAX_WORKERS = 200;

	private static final Duration WORKER_MEMORY = Duration.ofMinutes(1);

	private final RedisConnectionFactory connectionFactory;

	private final StringRedisTemplate redis;

	private final ObjectMapper mapper;

	private final RedisTaskCodec codec;

	private final String prefix;

	private final DocketScript script;

	private final byte[] streamKey;

	private final Duration defaultTtl;

	private final Duration leaseTimeout;

	private final DocketKey key;

	private final DocketLimits limits;

	private final String events;

	private final Clock clock;

	private final String origin = RandomIds.next().substring(0, 16);

	private final DocketListeners listeners = new DocketListeners();

	private final Map<String, Set<CompletableFuture<TaskInfo>>> waiters = new ConcurrentHashMap<>();

	private final Map<String, StreamReader> readers = new ConcurrentHashMap<>();

	/** The leases of this process's runs, with the progress each run last recorded. */
	private final Map<String, RunProgress> leases = new ConcurrentHashMap<>();

	private final Queue<Heard> heard = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean reading = new AtomicBoolean();

	private final GroupCommit<List<String>, String> submissions = new GroupCommit<>(this::submitAll, SUBMIT_BATCH);

	private final GroupCommit<Finish, List<?>> finishes = new GroupCommit<>(this::finishAll, FINISH_BATCH);

	private final AtomicLong nextPromote = new AtomicLong();

	private final AtomicLong nextReclaim = new AtomicLong();

	private volatile String reclaimCursor = "0-0";

	private volatile @Nullable RedisSubscription subscription;

	private volatile @Nullable ScheduledExecutorService sweeper;

	private volatile @Nullable ExecutorService eventReader;

	/**
	 * Creates a docket.
	 * @param connectionFactory connects to Redis
	 * @param mapper writes task arguments as JSON
	 * @param name the docket's name, the prefix of its keys
	 * @param defaultTtl how long finished tasks are kept when their spec says nothing
	 * @param leaseTimeout how long a claimed task may go without a heartbeat before it is
	 * given to another worker
	 * @param key authenticates the docket's pub/sub messages
	 * @param limits the limits per owner and per task
	 */
	public RedisDocket(RedisConnectionFactory connectionFactory, ObjectMapper mapper, String name,
			Duration defaultTtl, Duration leaseTimeout, DocketKey key, DocketLimits limits) {
		this(connectionFactory, mapper, name, defaultTtl, leaseTimeout, key, limits, Clock.systemUTC());
	}

	RedisDocket(RedisConnectionFactory connectionFactory, ObjectMapper mapper, String name, Duration defaultTtl,
			Duration leaseTimeout, DocketKey key, DocketLimits limits, Clock clock) {
		this.connectionFactory = connectionFactory;
		this.redis = new StringRedisTemplate(connectionFactory);
		this.mapper = mapper;
		this.codec = new RedisTaskCodec(mapper);
		this.prefix = name;
		this.script = new DocketScript(connectionFactory, name);
		this.streamKey = (name + ":stream").getBytes(StandardCharsets.UTF_8);
		this.defaultTtl = defaultTtl;
		this.leaseTimeout = leaseTimeout;
		this.key = key;
		this.limits = limits;
		this.events = name + ":events";
		this.clock = clock;
	}

	/**
	 * Returns the docket's name, the prefix of its Redis keys.
	 * @return the name
	 */
	public String name() {
		return this.prefix;
	}

	@Override
	public TaskInfo submit(TaskSpec spec) {
		JsonNode arguments = (spec.arguments() instanceof JsonNode node) ? node
				: this.mapper.valueToTree(spec.arguments());
		this.limits.checkArguments(this.mapper, arguments);
		this.limits.checkInput(this.mapper, spec.inputResponses());
		Duration ttl = (spec.ttl() != null) ? spec.ttl() : this.defaultTtl;
		for (int attempt = 0;; attempt++) {
			Instant now = this.clock.instant();
			TaskInfo task = TaskInfo.submitted(RandomIds.next(), spec, arguments, ttl, now);
			boolean anonymous = DocketLimits.isAnonymous(spec);
			String ownerKey = (task.owner() != null) ? ownerKey(task.owner()) : anonymous ? key("anonymous") : null;
			String ownerMember = ownerMember(task);
			String idempotencyKey = (spec.idempotencyKey() != null)
					? key("idem:" + sha256(((task.owner() != null) ? task.owner() : "") + '\n' + spec.idempotencyKey()))
					: null;
			Map<String, String> fields = this.codec.encode(task, idempotencyKey,
					((ownerKey != null) ? ownerKey : key("all")) + '\n' + ownerMember);
			if (ownerKey != null) {
				fields.put("okey", ownerKey);
				fields.put("keep", Integer.toString(this.limits.maxRetained(anonymous)));
			}
			List<String> args = new ArrayList<>(8 + fields.size() * 2);
			args.add(task.id());
			args.add((ownerKey != null) ? ownerKey : "");
			args.add(ownerMember);
			args.add((idempotencyKey != null) ? idempotencyKey : "");
			args.add(Long.toString(task.runAt().toEpochMilli()));
			args.add(Long.toString(now.toEpochMilli()));
			args.add(Integer.toString(this.limits.maxActive(anonymous)));
			fields.forEach((field, value) -> {
				args.add(field);
				args.add(value);
			});
			String id = this.submissions.submit(args);
			if (id.isEmpty()) {
				throw this.limits.tooManyActive(anonymous);
			}
			if (id.equals(task.id())) {
				if (task.runAt().isAfter(now)) {
					scheduledAt(task.runAt());
				}
				this.listeners.onSubmitted(task);
				return task;
			}
			Optional<TaskInfo> existing = get(id);
			if (existing.isPresent() || attempt > 2) {
				return existing.orElseThrow(() -> new IllegalStateException("Task " + id + " vanished"));
			}
		}
	}

	/**
	 * Submits several tasks in one script call, one after the other.
	 * @param submissions the script's arguments for each task
	 * @return the id the script answered for each task, in order
	 */
	private List<String> submitAll(List<List<String>> submissions) {
		List<String> args = new ArrayList<>();
		for (List<String> submission : submissions) {
			args.add(Integer.toString(submission.size()));
			args.addAll(submission);
		}
		List<String> ids = new ArrayList<>(submissions.size());
		run("submit", args).forEach((id) -> ids.add((String) id));
		return ids;
	}

	@Override
	public Optional<TaskInfo> get(String taskId) {
		if (taskId == null || !TASK_ID.matcher(taskId).matches()) {
			return Optional.empty();
		}
		Map<String, String> fields = this.redis.<String, String>opsForHash().entries(taskKey(taskId));
		return fields.isEmpty() ? Optional.empty() : Optional.of(this.codec.decode(fields));
	}

	@Override
	public TaskPage list(String owner, @Nullable String cursor, int limit) {
		if (cursor != null && !CURSOR.matcher(cursor).matches()) {
			throw new IllegalArgumentException("Invalid cursor");
		}
		List<?> reply = run("list", List.of(ownerKey(owner), (cursor != null) ? cursor : "", Integer.toString(limit)));
		List<TaskInfo> tasks = new ArrayList<>();
		for (Object flat : (List<?>) reply.get(1)) {
			tasks.add(this.codec.decode((List<?>) flat));
		}
		String next = (String) reply.get(0);
		return new TaskPage(tasks, next.isEmpty() ? null : next);
	}

	@Override
	public TaskOverviewPage tasks(@Nullable TaskState state, @Nullable String cursor, int limit) {
		if (cursor != null && !CURSOR.matcher(cursor).matches()) {
			throw new IllegalArgumentException("Invalid cursor");
		}
		int size = Math.max(1, Math.min(limit, MAX_PAGE_SIZE));
		List<?> reply = run("tasks", List.of((state != null) ? stateName(state) : "", (cursor != null) ? cursor : "",
				Integer.toString(size)));
		List<TaskOverview> tasks = new ArrayList<>();
		for (Object flat : (List<?>) reply.get(1)) {
			tasks.add(overview((List<?>) flat));
		}
		String next = (String) reply.get(0);
		return new TaskOverviewPage(tasks, next.isEmpty() ? null : next);
	}

	@Override
	public Optional<TaskOverview> task(String taskId) {
		if (taskId == null || !TASK_ID.matcher(taskId).matches()) {
			return Optional.empty();
		}
		List<?> flat = (List<?>) run("read", List.of(taskId)).get(0);
		return flat.isEmpty() ? Optional.empty() : Optional.of(overview(flat));
	}

	@Override
	public List<WorkerInfo> workers() {
		Instant now = this.clock.instant();
		long memory = Math.max(WORKER_MEMORY.toMillis(), this.leaseTimeout.toMillis());
		List<WorkerInfo> workers = new ArrayList<>();
		for (Object item : run("workers", List.of(GROUP, Long.toString(memory), Integer.toString(MAX_WORKERS)))) {
			List<?> worker = (List<?>) item;
			List<String> running = new ArrayList<>();
			((List<?>) worker.get(2)).forEach((id) -> running.add((String) id));
			workers.add(new WorkerInfo((String) worker.get(0), now.minusMillis((Long) worker.get(1)),
					List.copyOf(running)));
		}
		workers.sort(Comparator.comparing(WorkerInfo::id));
		return workers;
	}

	@Override
	public DocketStats stats() {
		List<?> reply;
		do {
			reply = run("stats", List.of(Long.toString(this.clock.millis()), Integer.toString(ADMIN_BATCH)));
		}
		while ((Long) reply.get(0) == 1L);
		Map<TaskState, Long> counts = new EnumMap<>(TaskState.class);
		TaskState[] states = TaskState.values();
		for (int i = 0; i < states.length; i++) {
			counts.put(states[i], (Long) reply.get(1 + i));
		}
		return new DocketStats(counts, (Long) reply.get(1 + states.length), (Long) reply.get(2 + states.length));
	}

	@Override
	public Optional<TaskInfo> retry(String taskId) {
		if (taskId == null || !TASK_ID.matcher(taskId).matches()) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		List<?> flat = run("retry", List.of(taskId, RedisTaskCodec.time(now), Long.toString(now.toEpochMilli()),
				"Retried by an operator", event('s', taskId, TaskStatus.WORKING)));
		if (flat.isEmpty()) {
			return Optional.empty();
		}
		TaskInfo retried = this.codec.decode(flat);
		statusChanged(retried, true);
		return Optional.of(retried);
	}

	@Override
	public long purgeFinished() {
		long purged = 0;
		List<?> reply;
		do {
			reply = run("purge", List.of(Integer.toString(ADMIN_BATCH)));
			purged += (Long) reply.get(0);
		}
		while ((Long) reply.get(1) == 1L);
		return purged;
	}

	private TaskOverview overview(List<?> flat) {
		TaskInfo task = this.codec.decode(flat);
		String worker = field(flat, RedisTaskCodec.WORKER);
		boolean leased = field(flat, RedisTaskCodec.LEASE) != null;
		return switch (task.status()) {
			case WORKING -> leased ? new TaskOverview(task, TaskState.RUNNING, worker)
					: new TaskOverview(task, TaskState.QUEUED, null);
			case INPUT_REQUIRED -> new TaskOverview(task, TaskState.INPUT_REQUIRED, leased ? worker : null);
			case COMPLETED -> new TaskOverview(task, TaskState.COMPLETED, null);
			case FAILED -> new TaskOverview(task, TaskState.FAILED, null);
			case CANCELLED -> new TaskOverview(task, TaskState.CANCELLED, null);
		};
	}

	/**
	 * Returns the name of a state in the docket's script, the suffix of its index.
	 */
	private static String stateName(TaskState state) {
		return state.name().toLowerCase(Locale.ROOT);
	}

	@Override
	public Optional<TaskInfo> cancel(String taskId, String message) {
		if (taskId == null || !TASK_ID.matcher(taskId).matches()) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		List<?> reply = run("cancel",
				List.of(taskId, RedisTaskCodec.time(now), Long.toString(now.toEpochMilli()), message,
						event('c', taskId, TaskStatus.CANCELLED), event('s', taskId, TaskStatus.CANCELLED)));
		if (reply.isEmpty()) {
			return Optional.empty();
		}
		TaskInfo cancelled = this.codec.decode((List<?>) reply.get(1));
		boolean running = ((Long) reply.get(0)) == 1L;
		if (running) {
			this.listeners.onCancelRequested(taskId);
		}
		statusChanged(cancelled, true);
		return Optional.of(cancelled);
	}

	@Override
	public Optional<TaskInfo> await(String taskId, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		CompletableFuture<TaskInfo> finished = new CompletableFuture<>();
		this.waiters.computeIfAbsent(taskId, (id) -> ConcurrentHashMap.newKeySet()).add(finished);
		try {
			Optional<TaskInfo> current = get(taskId);
			while (current.isPresent() && !current.get().status().isTerminal()) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					return current;
				}
				try {
					return Optional.of(finished.get(Math.min(remaining, SAFETY_RECHECK.toNanos()), TimeUnit.NANOSECONDS));
				}
				catch (TimeoutException ex) {
					// A message may have been missed while the subscription reconnected
					Optional<TaskInfo> latest = get(taskId);
					current = latest.isPresent() ? latest : current;
					if (latest.isEmpty()) {
						return current;
					}
				}
				catch (ExecutionException ex) {
					throw new IllegalStateException(ex.getCause());
				}
			}
			return current;
		}
		finally {
			this.waiters.computeIfPresent(taskId, (id, futures) -> {
				futures.remove(finished);
				return futures.isEmpty() ? null : futures;
			});
		}
	}

	@Override
	public List<ClaimedTask> claim(String workerId, int max, Duration wait) throws InterruptedException {
		long deadline = System.nanoTime() + wait.toNanos();
		StreamReader reader = this.readers.computeIfAbsent(workerId, (id) -> new StreamReader(this.connectionFactory,
				key("stream"), GROUP, id, Duration.ofMillis(reclaimPeriodMillis())));
		try {
			while (true) {
				List<ClaimedTask> claimed = new ArrayList<>();
				if (reader.recoverDue()) {
					List<String> args = claimArgs(workerId, "1000", Integer.toString(max));
					args.addAll(this.leases.keySet());
					started(run("recover", args), claimed);
				}
				if (claimed.isEmpty()) {
					reclaimIfDue(workerId, max, claimed);
				}
				if (claimed.isEmpty()) {
					promoteIfDue();
					if (reader.busy()) {
						List<?> reply = run("take", claimArgs(workerId, Integer.toString(max)));
						reader.busy(Long.parseLong((String) reply.get(0)) >= max);
						started(reply, claimed);
					}
				}
				if (claimed.isEmpty()) {
					long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
					long untilPromote = this.nextPromote.get() - this.clock.millis();
					long block = Math.min(Math.min(remaining, untilPromote), reader.maxBlockMillis());
					List<ByteRecord> records = reader.read(max, block);
					reader.busy(records.size() >= max);
					if (!records.isEmpty()) {
						List<String> args = claimArgs(workerId);
						for (ByteRecord record : records) {
							args.add(record.getId().getValue());
							args.add(StreamReader.taskIdOf(record));
						}
						started(run("claim", args), claimed);
					}
				}
				if (!claimed.isEmpty() || System.nanoTime() - deadline >= 0) {
					return claimed;
				}
				if (Thread.interrupted()) {
					throw new InterruptedException();
				}
			}
		}
		catch (RuntimeException ex) {
			reader.reset();
			if (isNoGroup(ex)) {
				createGroup();
				return List.of();
			}
			if (Thread.currentThread().isInterrupted() || hasCause(ex, InterruptedException.class)) {
				throw new InterruptedException("Interrupted while claiming tasks");
			}
			throw ex;
		}
	}

	private List<String> claimArgs(String workerId, String... more) {
		Instant now = this.clock.instant();
		List<String> args = new ArrayList<>();
		args.add(GROUP);
		args.add(workerId);
		args.add(RedisTaskCodec.time(now));
		args.add(Long.toString(now.toEpochMilli()));
		args.addAll(List.of(more));
		return args;
	}

	private void started(List<?> reply, List<ClaimedTask> claimed) {
		for (Object item : (List<?>) reply.get(1)) {
			List<?> pair = (List<?>) item;
			String kind = (String) pair.get(0);
			List<?> flat = (List<?>) pair.get(1);
			TaskInfo task = this.codec.decode(flat);
			if ("failed".equals(kind)) {
				publish(task);
				statusChanged(task, true);
				continue;
			}
			String lease = field(flat, RedisTaskCodec.LEASE);
			if (lease == null || this.leases.putIfAbsent(lease, new RunProgress(task.progress(), task.total())) != null) {
				continue;
			}
			if ("redelivered".equals(kind)) {
				this.listeners.onRedelivered(task);
			}
			claimed.add(new ClaimedTask(task, lease));
		}
	}

	private void reclaimIfDue(String workerId, int max, List<ClaimedTask> claimed) {
		long now = this.clock.millis();
		long due = this.nextReclaim.get();
		if (now < due || !this.nextReclaim.compareAndSet(due, now + reclaimPeriodMillis())) {
			return;
		}
		List<?> reply = run("reclaim", claimArgs(workerId, Long.toString(this.leaseTimeout.toMillis()),
				this.reclaimCursor, Integer.toString(max)));
		this.reclaimCursor = (String) reply.get(0);
		if (!"0-0".equals(this.reclaimCursor)) {
			this.nextReclaim.set(now);
		}
		started(reply, claimed);
	}

	private long reclaimPeriodMillis() {
		return Math.max(100, Math.min(1000, this.leaseTimeout.toMillis() / 4));
	}

	/**
	 * Moves due scheduled tasks to the stream, at most once per second unless a task is
	 * known to be due sooner.
	 */
	private void promoteIfDue() {
		long now = this.clock.millis();
		long due = this.nextPromote.get();
		if (now < due || !this.nextPromote.compareAndSet(due, now + 1000)) {
			return;
		}
		List<?> reply = run("promote", List.of(Long.toString(now), Integer.toString(PROMOTE_BATCH)));
		String next = (String) reply.get(0);
		if (!next.isEmpty()) {
			scheduledAt(Instant.ofEpochMilli((long) Double.parseDouble(next)));
		}
	}

	private void scheduledAt(Instant runAt) {
		long at = runAt.toEpochMilli();
		this.nextPromote.accumulateAndGet(at, Math::min);
	}

	@Override
	public void heartbeat(String workerId, Collection<ClaimedTask> tasks) {
		if (tasks.isEmpty()) {
			return;
		}
		List<String> args = new ArrayList<>(2 + tasks.size() * 3);
		args.add(GROUP);
		args.add(workerId);
		for (ClaimedTask task : tasks) {
			args.add(entryOf(task.leaseId()));
			args.add(task.task().id());
			args.add(task.leaseId());
		}
		run("heartbeat", args);
	}

	@Override
	public void progress(ClaimedTask claimed, Double progress, @Nullable Double total, @Nullable String message) {
		// Unknown until recorded: a run whose progress is not known for sure ends with a
		// plain event, and the other processes read the task
		this.leases.replace(claimed.leaseId(), RunProgress.UNKNOWN);
		List<?> reply = run("progress", List.of(claimed.task().id(), RedisTaskCodec.time(this.clock.instant()),
				optional(progress), optional(total), optional(message), claimed.leaseId()));
		if ((Long) reply.get(0) == 1L) {
			this.leases.replace(claimed.leaseId(), new RunProgress(progress, total));
		}
	}

	@Override
	public void setStatus(ClaimedTask claimed, TaskStatus status, @Nullable String message) {
		if (status.isTerminal()) {
			throw new IllegalArgumentException("Use finish or cancel for terminal statuses");
		}
		String taskId = claimed.task().id();
		List<?> flat = run("status", List.of(taskId, RedisTaskCodec.time(this.clock.instant()), status.wireName(),
				optional(message), claimed.leaseId(), event('s', taskId, status)));
		if (!flat.isEmpty()) {
			statusChanged(this.codec.decode(flat), true);
		}
	}

	@Override
	public void finish(ClaimedTask claimed, TaskResult reported) {
		TaskResult result = this.limits.bound(this.mapper, reported);
		if (result.status() == TaskStatus.INPUT_REQUIRED) {
			awaitInput(claimed, result);
			return;
		}
		try {
			RunProgress progress = this.leases.get(claimed.leaseId());
			Finish finish = new Finish(claimed, result, this.clock.instant(),
					(progress != RunProgress.UNKNOWN) ? progress : null);
			finished(finish, this.finishes.submit(finish));
		}
		finally {
			this.leases.remove(claimed.leaseId());
		}
	}

	/**
	 * Records how several runs ended, in one script call (retried while Redis cannot be
	 * reached): each run on its own, a stale lease leaving the others recorded.
	 * @param finishes the runs
	 * @return the script's reply to each run, in order
	 */
	List<List<?>> finishAll(List<Finish> finishes) {
		return withRetry(() -> {
			List<String> args = new ArrayList<>(1 + finishes.size() * 12);
			args.add(GROUP);
			for (Finish finish : finishes) {
				TaskInfo task = finish.claimed().task();
				TaskResult result = finish.result();
				boolean retry = finish.retry();
				Instant now = finish.now();
				Instant runAt = finish.runAt();
				args.addAll(List.of(task.id(), finish.claimed().leaseId(), retry ? "retry" : "finish",
						RedisTaskCodec.time(now), Long.toString(now.toEpochMilli()), result.status().wireName(),
						optional(finish.message()), optional(retry ? null : this.codec.writeResult(result.result())),
						optional(retry ? null : this.codec.writeError(result.error())),
						Long.toString(runAt.toEpochMilli()), RedisTaskCodec.time(runAt), retry ? "" : event(finish)));
			}
			List<List<?>> replies = new ArrayList<>(finishes.size());
			run("finish", args).forEach((reply) -> replies.add((List<?>) reply));
			return replies;
		});
	}

	/**
	 * Tells the listeners how a run ended, from the script's reply: the task as the run
	 * claimed it, with the progress reported meanwhile and the change the run recorded.
	 */
	private void finished(Finish finish, List<?> reply) {
		long outcome = (Long) reply.get(0);
		if (outcome == 0) {
			return;
		}
		TaskInfo changed = finish.task(new RunProgress(RedisTaskCodec.number((String) reply.get(1)),
				RedisTaskCodec.number((String) reply.get(2))));
		if (outcome == 2) {
			if (changed.runAt().isAfter(this.clock.instant())) {
				scheduledAt(changed.runAt());
			}
			this.listeners.onRetry(changed);
		}
		else {
			statusChanged(changed, true);
		}
	}

	private void awaitInput(ClaimedTask claimed, TaskResult result) {
		String taskId = claimed.task().id();
		List<String> args = new ArrayList<>(List.of(GROUP, taskId, claimed.leaseId(),
				RedisTaskCodec.time(this.clock.instant()), "Waiting for input from the client",
				event('s', taskId, TaskStatus.INPUT_REQUIRED)));
		result.inputRequests().forEach((key, request) -> {
			args.add(key);
			args.add(this.codec.write(request));
		});
		try {
			List<?> flat = withRetry(() -> run("wait", args));
			if (!flat.isEmpty()) {
				statusChanged(this.codec.decode(flat), true);
			}
		}
		finally {
			this.leases.remove(claimed.leaseId());
		}
	}

	@Override
	public Optional<TaskInfo> answer(String taskId, Map<String, JsonNode> responses) {
		if (taskId == null || !TASK_ID.matcher(taskId).matches()) {
			return Optional.empty();
		}
		this.limits.checkInput(this.mapper, responses);
		Instant now = this.clock.instant();
		List<String> args = new ArrayList<>(List.of(taskId, RedisTaskCodec.time(now),
				Long.toString(now.toEpochMilli()), "Resumed with the client's input",
				event('s', taskId, TaskStatus.WORKING)));
		responses.forEach((key, answer) -> {
			args.add(key);
			args.add(this.codec.write(answer));
		});
		List<?> reply = run("answer", args);
		if (reply.isEmpty()) {
			return Optional.empty();
		}
		TaskInfo task = this.codec.decode((List<?>) reply.get(1));
		if (((Long) reply.get(0)) == 1L) {
			statusChanged(task, true);
		}
		return Optional.of(task);
	}

	@Override
	public void release(ClaimedTask claimed) {
		try {
			withRetry(() -> {
				Instant now = this.clock.instant();
				return run("release", List.of(GROUP, claimed.task().id(), claimed.leaseId(), RedisTaskCodec.time(now),
						Long.toString(now.toEpochMilli()), "Released by its worker"));
			});
		}
		finally {
			this.leases.remove(claimed.leaseId());
		}
	}

	@Override
	public void addListener(DocketListener listener) {
		this.listeners.add(listener);
	}

	@Override
	public void checkAvailable() {
		String pong = this.redis.execute(RedisConnection::ping, true);
		if (!"PONG".equalsIgnoreCase(pong)) {
			throw new IllegalStateException("Redis answered PING with " + pong);
		}
	}

	@Override
	public long queuedCount() {
		List<?> counts = run("counts", List.of(GROUP));
		return Math.max(0, (Long) counts.get(0) - (Long) counts.get(1)) + (Long) counts.get(2);
	}

	@Override
	public long runningCount() {
		return (Long) run("counts", List.of(GROUP)).get(1);
	}

	@Override
	public void start() {
		if (isRunning()) {
			return;
		}
		try {
			createGroup();
		}
		catch (DataAccessException ex) {
			logger.warn("Could not create the consumer group of docket '" + this.prefix + "' yet; "
					+ "workers create it when Redis can be reached", ex);
		}
		this.reading.set(false);
		this.eventReader = Executors.newSingleThreadExecutor(DaemonThreads.named("mcp-docket-event-reader-"));
		RedisSubscription subscription = new RedisSubscription(this.connectionFactory, this.events, this.origin,
				this.key, this::onEvent, "mcp-docket-events");
		subscription.start();
		ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("mcp-docket-sweeper-"));
		sweeper.scheduleWithFixedDelay(this::sweep, 1, 5, TimeUnit.SECONDS);
		this.subscription = subscription;
		this.sweeper = sweeper;
	}

	@Override
	public void stop() {
		ScheduledExecutorService sweeper = this.sweeper;
		if (sweeper != null) {
			sweeper.shutdownNow();
			this.sweeper = null;
		}
		RedisSubscription subscription = this.subscription;
		if (subscription != null) {
			subscription.stop();
			this.subscription = null;
		}
		ExecutorService eventReader = this.eventReader;
		if (eventReader != null) {
			eventReader.shutdown();
			this.eventReader = null;
		}
		this.readers.forEach((workerId, reader) -> {
			reader.close();
			try {
				run("retire", List.of(GROUP, workerId));
			}
			catch (RuntimeException ex) {
				logger.debug("Could not remove consumer " + workerId + " from the group", ex);
			}
		});
		this.readers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.subscription != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Tidies the owner indexes of expired tasks.
	 */
	void sweep() {
		try {
			long count;
			do {
				count = (Long) run("sweep", List.of(Long.toString(this.clock.millis()), "200")).get(0);
			}
			while (count == 200);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not sweep expired tasks of docket '" + this.prefix + "'", ex);
		}
	}

	@SuppressWarnings("NullAway") // RedisCallback allows null (T extends @Nullable Object), seen in JSpecify mode only
	private void createGroup() {
		this.redis.execute((RedisConnection connection) -> {
			if (connection instanceof RedisClusterConnection) {
				throw new IllegalStateException("The Redis docket needs a standalone Redis (or Sentinel); "
						+ "Redis Cluster is not supported");
			}
			try {
				connection.streamCommands()
					.xGroupCreate(this.streamKey, GROUP, ReadOffset.from("0"), true);
			}
			catch (RuntimeException ex) {
				if (!String.valueOf(DocketScript.rootMessage(ex)).contains("BUSYGROUP")) {
					throw ex;
				}
			}
			return null;
		}, true);
	}

	private void statusChanged(TaskInfo task, boolean local) {
		this.listeners.onStatusChanged(task, local);
		if (task.status().isTerminal()) {
			Set<CompletableFuture<TaskInfo>> futures = this.waiters.get(task.id());
			if (futures != null) {
				futures.forEach((future) -> future.complete(task));
			}
		}
	}

	private List<?> run(String op, List<String> args) {
		return this.script.run(op, args);
	}

	private <T> T withRetry(java.util.function.Supplier<T> operation) {
		long deadline = System.nanoTime() + FINISH_RETRY_LIMIT.toNanos();
		long pause = 50;
		while (true) {
			try {
				return operation.get();
			}
			catch (DataAccessResourceFailureException | QueryTimeoutException ex) {
				if (System.nanoTime() - deadline > 0) {
					throw ex;
				}
				logger.debug("Redis unavailable; retrying", ex);
				try {
					Thread.sleep(pause);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
				pause = Math.min(pause * 2, 1000);
			}
		}
	}

	private String taskKey(String taskId) {
		return key("task:" + taskId);
	}

	private String ownerKey(String owner) {
		return key("owner:" + sha256(owner));
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Returns the message that tells every process that a task changed: its id and status
	 * only (listeners read the rest from Redis), signed; the script publishes it.
	 */
	private String event(char kind, String taskId, TaskStatus status) {
		return RedisSubscription.message(this.key, this.events, kind, this.origin, taskId + "\n" + status.wireName());
	}

	/**
	 * Returns the message that tells every process how a run ended: with the finished
	 * task itself when its progress is known and it is small, so that listeners need not
	 * read it, else its id and status only.
	 */
	private String event(Finish finish) {
		TaskInfo task = finish.claimed().task();
		String change = task.id() + "\n" + finish.result().status().wireName();
		RunProgress progress = finish.progress();
		if (progress != null) {
			String finished = this.codec.writeEvent(finish.task(progress));
			if (finished.length() <= EVENT_TASK_LIMIT) {
				change += "\n" + finished;
			}
		}
		return RedisSubscription.message(this.key, this.events, 's', this.origin, change);
	}

	/**
	 * Publishes a change the script could not sign for: a task given up after too many
	 * redeliveries.
	 */
	private void publish(TaskInfo task) {
		try {
			this.redis.convertAndSend(this.events, event('s', task.id(), task.status()));
		}
		catch (RuntimeException ex) {
			logger.debug("Could not publish the status of task " + task.id(), ex);
		}
	}

	/**
	 * Returns how many messages on the events channel were ignored because they were
	 * not authenticated.
	 * @return the number of rejected messages
	 */
	public long rejectedEventCount() {
		RedisSubscription subscription = this.subscription;
		return (subscription != null) ? subscription.rejectedCount() : 0;
	}

	private String key(String suffix) {
		return this.prefix + ':' + suffix;
	}

	private static String ownerMember(TaskInfo task) {
		Instant created = task.createdAt();
		return String.format("%019d:%09d:%s", created.getEpochSecond(), created.getNano(), task.id());
	}

	private static String entryOf(String leaseId) {
		return leaseId.substring(0, leaseId.lastIndexOf('/'));
	}

	private static String optional(@Nullable Object value) {
		return (value != null) ? "v:" + value : "n";
	}

	private static @Nullable String message(TaskResult result) {
		if (result.error() != null) {
			return result.error().message();
		}
		return result.isFailure() ? "The task failed" : null;
	}

	private static @Nullable String field(List<?> flat, String name) {
		for (int i = 0; i + 1 < flat.size(); i += 2) {
			if (name.equals(flat.get(i))) {
				return (String) flat.get(i + 1);
			}
		}
		return null;
	}

	private static boolean isNoGroup(Throwable ex) {
		return String.valueOf(DocketScript.rootMessage(ex)).contains("NOGROUP");
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}


	/**
	 * Hears the status changes and cancellations published by other processes.
	 */
	private void onEvent(char kind, String payload) {
		try {
			String[] parts = payload.split("\n", 3);
			if (parts.length < 2 || !TASK_ID.matcher(parts[0]).matches()) {
				return;
			}
			String taskId = parts[0];
			TaskStatus status = TaskStatus.fromWireName(parts[1]);
			if (kind == 'c') {
				this.listeners.onCancelRequested(taskId);
			}
			this.heard.add(new Heard(taskId, status, (parts.length > 2) ? parts[2] : null));
			ExecutorService reader = this.eventReader;
			if (reader != null && this.reading.compareAndSet(false, true)) {
				reader.execute(this::readHeard);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not handle a docket event", ex);
		}
	}

	/**
	 * Tells the listeners of the status changes heard from other processes, reading the
	 * tasks of the changes heard meanwhile together, in one call.
	 */
	private void readHeard() {
		do {
			List<Heard> batch = new ArrayList<>();
			Heard next;
			while ((next = this.heard.poll()) != null) {
				batch.add(next);
				if (batch.size() == READ_BATCH || this.heard.isEmpty()) {
					tell(batch);
					batch.clear();
				}
			}
			this.reading.set(false);
		}
		while (!this.heard.isEmpty() && this.reading.compareAndSet(false, true));
	}

	private void tell(List<Heard> batch) {
		try {
			List<String> ids = new ArrayList<>(batch.size());
			batch.stream().filter((heard) -> heard.task() == null).forEach((heard) -> ids.add(heard.taskId()));
			List<?> hashes = ids.isEmpty() ? List.of() : run("read", ids);
			int read = 0;
			for (Heard heard : batch) {
				String carried = heard.task();
				if (carried != null) {
					statusChanged(this.codec.readEvent(carried), false);
					continue;
				}
				List<?> flat = (List<?>) hashes.get(read++);
				if (!flat.isEmpty()) {
					// The task as it is now, with the status the event announced (a later one follows)
					TaskInfo task = this.codec.decode(flat);
					statusChanged((task.status() != heard.status())
							? task.withStatus(heard.status(), task.statusMessage(), task.updatedAt()) : task, false);
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not handle " + batch.size() + " docket event(s)", ex);
		}
	}

	/**
	 * A status change heard from another process.
	 *
	 * @param taskId the task
	 * @param status its new status
	 * @param task the task as the event carried it (see
	 * {@link RedisTaskCodec#writeEvent(TaskInfo)}), or {@code null} to read it
	 */
	private record Heard(String taskId, TaskStatus status, @Nullable String task) {
	}

	/**
	 * The progress a run last recorded (its task's, when it recorded none).
	 *
	 * @param progress the progress
	 * @param total the total
	 */
	record RunProgress(@Nullable Double progress, @Nullable Double total) {

		/** A run's progress while a report of it is in flight, or after one failed. */
		static final RunProgress UNKNOWN = new RunProgress(null, null);

	}

	/**
	 * How one run ended, to record.
	 *
	 * @param claimed the run's task and lease
	 * @param result its result, bounded
	 * @param now when the run ended
	 * @param progress the progress the run last recorded, or {@code null} when not known
	 * for sure
	 */
	record Finish(ClaimedTask claimed, TaskResult result, Instant now, @Nullable RunProgress progress) {

		/**
		 * Returns the task as the run leaves it.
		 * @param progress its recorded progress
		 * @return the task, finished or rescheduled
		 */
		TaskInfo task(RunProgress progress) {
			TaskInfo task = this.claimed.task();
			task = task.withProgress(progress.progress(), progress.total(), null, task.updatedAt());
			return retry() ? task.rescheduled(runAt(), message(), this.now)
					: task.finished(this.result.status(), message(), this.result.result(), this.result.error(), this.now);
		}

		boolean retry() {
			TaskInfo task = this.claimed.task();
			return this.result.isFailure() && this.result.retryable() && task.attempts() < task.retry().maxAttempts();
		}

		/**
		 * Returns when the task runs again after a retryable failure, else when the run
		 * ended.
		 */
		Instant runAt() {
			TaskInfo task = this.claimed.task();
			return retry() ? this.now.plus(task.retry().delayBefore(task.attempts() + 1)) : this.now;
		}

		/**
		 * Returns the task's status message after the run.
		 */
		@Nullable String message() {
			String message = RedisDocket.message(this.result);
			return retry() ? "Retrying after failure: " + message : message;
		}

	}

}
