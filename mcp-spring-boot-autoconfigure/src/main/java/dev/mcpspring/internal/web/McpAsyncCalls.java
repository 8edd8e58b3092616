package dev.mcpspring.internal.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

import dev.mcpspring.internal.docket.DaemonThreads;
import dev.mcpspring.internal.tool.DefaultMcpToolRegistry;
import dev.mcpspring.internal.wire.JsonRpcError;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the MCP requests that may wait or run application code ({@code tools/call},
 * {@code resources/read}, {@code prompts/get}, {@code completion/complete},
 * {@code tasks/result}) off the servlet container's threads, on the starter's own
 * executor, within a limit of calls in flight in all and per session. A call beyond a
 * limit is refused at once with a JSON-RPC error. A {@code tools/call} of a tool that has
 * been quick recently may run inline on the container's thread instead, a few at a time
 * ({@link QuickCalls}); it counts against the same limits.
 * <p>
 * Lifecycle: stopped before the web server's graceful shutdown. On stop, new calls are
 * refused, waiting {@code tasks/result} requests are answered at once with an error
 * telling the client to ask again, and running calls may finish within the shutdown
 * timeout; those still running then are cancelled and answered with an error.
 */
public class McpAsyncCalls implements SmartLifecycle {

	/**
	 * Phase: above the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}), so
	 * the calls are answered before the web server waits for its requests to end.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

	private static final long IDLE_THREAD_SECONDS = 60;

	/** JSON-RPC error code of a refused or interrupted call (implementation-defined). */
	public static final int SERVER_UNAVAILABLE = -32000;

	private static final Duration KEEP_ALIVE_INTERVAL = Duration.ofSeconds(5);

	private static final String RETRY_ELSEWHERE = "the server is shutting down; retry on another instance or later";

	static final String LIMIT_TOTAL = "total";

	static final String LIMIT_SESSION = "session";

	private static final Set<String> ASYNC_METHODS = Set.of("tools/call", "resources/read", "prompts/get",
			"completion/complete", "tasks/result");

	private final Executor executor;

	private final int maxCalls;

	private final int maxCallsPerSession;

	private final Duration shutdownTimeout;

	private final AtomicInteger active = new AtomicInteger();

	/** Calls in flight per session; a count of -1 is being removed. */
	private final Map<String, AtomicInteger> perSession = new ConcurrentHashMap<>();

	private final Set<AsyncCall> calls = ConcurrentHashMap.newKeySet();

	private final LongAdder refusedTotal = new LongAdder();

	private final LongAdder refusedSession = new LongAdder();

	private final Duration keepAliveInterval;

	private final QuickCalls quickCalls;

	private @Nullable ScheduledExecutorService keepAlive;

	private volatile boolean accepting;

	private volatile boolean running;

	/**
	 * Creates the calls.
	 * @param executor runs the calls
	 * @param maxCalls the most calls in flight in all
	 * @param maxCallsPerSession the most calls in flight per session
	 * @param shutdownTimeout how long running calls may finish on stop
	 * @param inlineCalls how many quick calls may run inline on container threads at
	 * once, 0 for none
	 * @param tools the registered tools, or {@code null}
	 */
	public McpAsyncCalls(Executor executor, int maxCalls, int maxCallsPerSession, Duration shutdownTimeout,
			int inlineCalls, @Nullable DefaultMcpToolRegistry tools) {
		this.executor = executor;
		this.quickCalls = new QuickCalls(inlineCalls, tools);
		this.maxCalls = maxCalls;
		this.maxCallsPerSession = maxCallsPerSession;
		this.shutdownTimeout = shutdownTimeout;
		this.keepAliveInterval = KEEP_ALIVE_INTERVAL;
		this.accepting = true;
	}

	/**
	 * Returns an executor of platform (daemon) threads for calls, reusing idle threads
	 * and ending those idle for a minute; its size is bounded by the call limits.
	 * @return the executor
	 */
	public static ExecutorService platformThreadExecutor() {
		return new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_THREAD_SECONDS, TimeUnit.SECONDS,
				new SynchronousQueue<>(), DaemonThreads.named("mcp-call-"));
	}

	/**
	 * Lets idle threads of a {@link #platformThreadExecutor()} live a minute while
	 * running, and end at once once stopped (so none outlives the web application).
	 */
	private void keepIdleThreads(boolean keep) {
		if (this.executor instanceof ThreadPoolExecutor pool) {
			pool.setKeepAliveTime(keep ? IDLE_THREAD_SECONDS : 0, TimeUnit.SECONDS);
		}
	}

	/**
	 * Returns the number of calls in flight.
	 * @return the number
	 */
	public int activeCount() {
		return this.active.get();
	}

	/**
	 * Returns how many calls a limit has refused since start.
	 * @param limit {@code total} or {@code session}
	 * @return the count
	 */
	public long refusedCount(String limit) {
		return (LIMIT_SESSION.equals(limit) ? this.refusedSession : this.refusedTotal).sum();
	}

	static boolean isAsync(String method) {
		return ASYNC_METHODS.contains(method);
	}

	/**
	 * Takes a slot for a call of a session (or of the caller of a stateless request).
	 * @param sessionId the session id, or the caller key of a stateless request
	 * @return {@code null} when the call may run, otherwise the error to answer with
	 */
	@Nullable JsonRpcError acquire(String sessionId) {
		if (!this.accepting) {
			return shuttingDown(RETRY_ELSEWHERE);
		}
		if (this.active.incrementAndGet() > this.maxCalls) {
			this.active.decrementAndGet();
			this.refusedTotal.increment();
			return refused(LIMIT_TOTAL, "Too many MCP calls in flight on this server (limit " + this.maxCalls
					+ ", mcp.server.max-concurrent-calls); retry later");
		}
		if (!acquireForSession(sessionId)) {
			this.active.decrementAndGet();
			this.refusedSession.increment();
			return refused(LIMIT_SESSION, "Too many MCP calls in flight for this session (limit "
					+ this.maxCallsPerSession + ", mcp.server.max-concurrent-calls-per-session); retry later");
		}
		return null;
	}

	/**
	 * Returns the key under which the durations of a call are recorded.
	 * @param method the method
	 * @param params the params
	 * @return the key, or {@code null} when the call never runs inline
	 */
	@Nullable String quickKey(String method, ObjectNode params) {
		return this.quickCalls.key(method, params);
	}

	/**
	 * Takes an inline permit for a call that holds a slot, when its tool has been quick.
	 * @param key the call's key, or {@code null}
	 * @param exchange the call's exchange
	 * @return the permit, or {@code null} when the call is to run asynchronously
	 */
	QuickCalls.@Nullable Inline tryInline(@Nullable String key, PostExchange exchange) {
		return this.quickCalls.tryInline(key, exchange);
	}

	/**
	 * Gives back the inline permit of a call whose handler has returned.
	 * @param inline the permit
	 */
	void inlineEnded(QuickCalls.Inline inline) {
		this.quickCalls.ended(inline);
	}

	/**
	 * Tracks a call that holds a slot and runs already (an inline call whose handler
	 * returned a stage that is not complete yet), until it finishes.
	 * @param call the call
	 */
	void track(AsyncCall call) {
		this.calls.add(call);
	}

	/**
	 * Starts a call that holds a slot: runs it on the executor.
	 * @param call the call
	 * @param quickKey the key its duration is recorded under, or {@code null}
	 */
	void start(AsyncCall call, @Nullable String quickKey) {
		this.calls.add(call);
		if (!this.accepting) {
			call.finish(null, null, shuttingDown(RETRY_ELSEWHERE));
			return;
		}
		try {
			this.executor.execute((quickKey != null) ? () -> {
				long started = System.nanoTime();
				call.run();
				this.quickCalls.record(quickKey, System.nanoTime() - started);
			} : call);
		}
		catch (RejectedExecutionException ex) {
			call.finish(null, null, shuttingDown(RETRY_ELSEWHERE));
		}
	}

	/**
	 * Runs part of a call that holds a slot (writing its answer) on the calls' executor.
	 * @param task the task
	 * @return whether the executor took it
	 */
	boolean execute(Runnable task) {
		try {
			this.executor.execute(task);
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	/**
	 * Gives back the slot of a finished call.
	 * @param call the call
	 */
	void finished(AsyncCall call) {
		if (this.calls.remove(call)) {
			release(call.callerKey());
		}
	}

	/**
	 * Counts a call of a session, without a lock: many calls of one session must not
	 * queue for the same map entry.
	 */
	private boolean acquireForSession(String sessionId) {
		while (true) {
			AtomicInteger count = this.perSession.computeIfAbsent(sessionId, (id) -> new AtomicInteger());
			int current = count.get();
			if (current >= this.maxCallsPerSession) {
				return false;
			}
			if (current >= 0 && count.compareAndSet(current, current + 1)) {
				return true;
			}
			// changed meanwhile, or being removed: try again
			Thread.onSpinWait();
		}
	}

	void release(String sessionId) {
		AtomicInteger count = this.perSession.get(sessionId);
		if (count != null && count.decrementAndGet() == 0 && count.compareAndSet(0, -1)) {
			this.perSession.remove(sessionId, count);
		}
		this.active.decrementAndGet();
	}

	@Override
	public synchronized void start() {
		keepIdleThreads(true);
		this.accepting = true;
		this.running = true;
		if (this.keepAlive == null) {
			this.keepAlive = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("mcp-calls-keep-alive-"));
			long millis = this.keepAliveInterval.toMillis();
			this.keepAlive.scheduleWithFixedDelay(this::keepWaitsAlive, millis, millis, TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Writes to the connections of waits ({@code tasks/result}) and stateless requests that
	 * have run a while, so that those whose client has gone are released: the container
	 * does not notice a closed connection while the request is idle.
	 */
	private void keepWaitsAlive() {
		long minimumAge = this.keepAliveInterval.toNanos();
		for (AsyncCall call : this.calls) {
			try {
				call.keepAlive(minimumAge);
			}
			catch (RuntimeException ex) {
				// checked again next time
			}
		}
	}

	@Override
	public void stop() {
		stopAccepting();
		awaitRunningCalls();
	}

	@Override
	public void stop(Runnable callback) {
		stopAccepting();
		if (this.calls.isEmpty() && !this.quickCalls.isRunning()) {
			keepIdleThreads(false);
			callback.run();
			return;
		}
		Thread stopper = new Thread(() -> {
			try {
				awaitRunningCalls();
			}
			finally {
				keepIdleThreads(false);
				callback.run();
			}
		}, "mcp-calls-shutdown");
		stopper.setDaemon(true);
		stopper.start();
	}

	private synchronized void stopAccepting() {
		this.accepting = false;
		this.running = false;
		if (this.keepAlive != null) {
			this.keepAlive.shutdownNow();
			this.keepAlive = null;
		}
		for (AsyncCall call : new ArrayList<>(this.calls)) {
			if (call.isWait()) {
				call.finish(null, null, shuttingDown(
						"the server is shutting down; call tasks/result again (on another instance or after the restart)"));
				call.cancel();
			}
		}
	}

	private void awaitRunningCalls() {
		long deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
		while ((!this.calls.isEmpty() || this.quickCalls.isRunning()) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		JsonRpcError cancelled = shuttingDown("the server is shutting down and cancelled the call after "
				+ this.shutdownTimeout.toMillis() + " ms (mcp.server.shutdown-timeout)");
		List<AsyncCall> remaining = new ArrayList<>(this.calls);
		for (AsyncCall call : remaining) {
			call.finish(null, null, cancelled);
			call.cancel();
		}
		this.quickCalls.cancelRunning(cancelled);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private static JsonRpcError refused(String limit, String message) {
		return new JsonRpcError(SERVER_UNAVAILABLE, message, Map.of("reason", "limit", "limit", limit));
	}

	private static JsonRpcError shuttingDown(String message) {
		return new JsonRpcError(SERVER_UNAVAILABLE, "Unavailable: " + message, Map.of("reason", "shutdown"));
	}

}
