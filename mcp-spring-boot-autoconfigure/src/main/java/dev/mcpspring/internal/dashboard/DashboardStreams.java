package dev.mcpspring.internal.dashboard;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.web.servlet.function.ServerResponse;

import dev.mcpspring.internal.docket.DaemonThreads;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.tasks.DocketListener;
import dev.mcpspring.tasks.TaskInfo;

/**
 * The dashboard pages connected for live updates. Each is sent a snapshot every second,
 * and soon after a task's status changes in any process sharing the docket. A connection
 * has at most one snapshot being written: a slow reader is skipped until it has read, so
 * it holds no more than that one.
 */
public class DashboardStreams implements DocketListener, InitializingBean, DisposableBean {

	private static final Log logger = LogFactory.getLog(DashboardStreams.class);

	private static final Duration PERIOD = Duration.ofSeconds(1);

	private static final Duration CHANGE_DELAY = Duration.ofMillis(200);

	private final DashboardSnapshots snapshots;

	private final int maxConnections;

	private final Set<Connection> connections = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean changePending = new AtomicBoolean();

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(DaemonThreads.named("mcp-dashboard-sse-"));

	private final ThreadPoolExecutor senders;

	/**
	 * Creates the streams.
	 * @param snapshots what to send
	 * @param maxConnections the most connections at once
	 */
	public DashboardStreams(DashboardSnapshots snapshots, int maxConnections) {
		this.snapshots = snapshots;
		this.maxConnections = maxConnections;
		this.senders = new ThreadPoolExecutor(0, maxConnections, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
				DaemonThreads.named("mcp-dashboard-send-"));
	}

	@Override
	public void afterPropertiesSet() {
		this.scheduler.scheduleWithFixedDelay(this::sendAll, PERIOD.toMillis(), PERIOD.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
		this.senders.shutdownNow();
		this.connections.forEach((connection) -> connection.sse.complete());
		this.connections.clear();
	}

	/**
	 * Opens a stream for a page, unless too many are open.
	 * @param filter which tasks the page lists
	 * @return the response
	 */
	ServerResponse open(TaskFilter filter) {
		if (this.connections.size() >= this.maxConnections) {
			return DashboardResponses.error(503, "Too many dashboard connections; try again later");
		}
		return ServerResponse.sse((sse) -> {
			Connection connection = new Connection(sse, filter);
			if (this.connections.size() >= this.maxConnections) {
				sse.complete();
				return;
			}
			this.connections.add(connection);
			sse.onComplete(() -> this.connections.remove(connection));
			sse.onTimeout(() -> this.connections.remove(connection));
			sse.onError((ex) -> this.connections.remove(connection));
			send(connection);
		}, Duration.ofMinutes(10));
	}

	/**
	 * Returns how many pages are connected.
	 * @return the number of connections
	 */
	public int openConnections() {
		return this.connections.size();
	}

	@Override
	public void onSubmitted(TaskInfo task) {
		changed();
	}

	@Override
	public void onStatusChanged(TaskInfo task, boolean local) {
		changed();
	}

	private void changed() {
		if (!this.connections.isEmpty() && this.changePending.compareAndSet(false, true)) {
			this.scheduler.schedule(() -> {
				this.changePending.set(false);
				sendAll();
			}, CHANGE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void sendAll() {
		this.connections.forEach(this::send);
	}

	private void send(Connection connection) {
		if (!connection.sending.compareAndSet(false, true)) {
			return;
		}
		try {
			this.senders.execute(() -> write(connection));
		}
		catch (RuntimeException ex) {
			connection.sending.set(false);
		}
	}

	private void write(Connection connection) {
		try {
			String json = McpJson.mapper().writeValueAsString(this.snapshots.snapshot(connection.filter));
			connection.sse.event("snapshot").data(json);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Closing a dashboard stream", ex);
			this.connections.remove(connection);
			connection.sse.complete();
		}
		finally {
			connection.sending.set(false);
		}
	}

	private static final class Connection {

		private final ServerResponse.SseBuilder sse;

		private final TaskFilter filter;

		private final AtomicBoolean sending = new AtomicBoolean();

		Connection(ServerResponse.SseBuilder sse, TaskFilter filter) {
			this.sse = sse;
			this.filter = filter;
		}

	}

}
