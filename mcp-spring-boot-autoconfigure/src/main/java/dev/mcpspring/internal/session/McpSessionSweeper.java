package dev.mcpspring.internal.session;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

import dev.mcpspring.internal.docket.DaemonThreads;

/**
 * Sweeps a {@link McpSessionStore} regularly, a quarter of the session timeout apart
 * (between 100 ms and 30 s), so that expired sessions end and what they hold is freed
 * even when no request comes.
 */
public class McpSessionSweeper implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(McpSessionSweeper.class);

	private final McpSessionStore store;

	private final long intervalMillis;

	private @Nullable ScheduledExecutorService executor;

	/**
	 * Creates a sweeper.
	 * @param store the store to sweep
	 * @param sessionTimeout how long a session may stay idle before it expires
	 */
	public McpSessionSweeper(McpSessionStore store, Duration sessionTimeout) {
		this.store = store;
		this.intervalMillis = Math.max(100, Math.min(30_000, sessionTimeout.toMillis() / 4));
	}

	@Override
	public synchronized void start() {
		if (this.executor == null) {
			ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
					DaemonThreads.named("mcp-session-sweeper-"));
			executor.scheduleWithFixedDelay(this::sweep, this.intervalMillis, this.intervalMillis,
					TimeUnit.MILLISECONDS);
			this.executor = executor;
		}
	}

	private void sweep() {
		try {
			this.store.sweep();
		}
		catch (RuntimeException ex) {
			// tried again at the next interval; the cause is logged once per interval
			logger.warn("Could not sweep expired MCP sessions: " + ex);
			logger.debug("Sweep failure", ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
