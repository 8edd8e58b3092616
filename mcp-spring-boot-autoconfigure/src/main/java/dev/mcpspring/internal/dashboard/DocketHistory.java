package dev.mcpspring.internal.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

import dev.mcpspring.internal.docket.DaemonThreads;
import dev.mcpspring.tasks.DocketAdmin;
import dev.mcpspring.tasks.DocketStats;
import dev.mcpspring.tasks.TaskState;

/**
 * The docket's depth and throughput over the last minutes: samples
 * {@link DocketAdmin#stats()} at a fixed interval into a bounded ring.
 */
public class DocketHistory implements InitializingBean, DisposableBean {

	private static final Log logger = LogFactory.getLog(DocketHistory.class);

	private final DocketAdmin admin;

	private final Duration interval;

	private final int capacity;

	private final Clock clock;

	private final ArrayDeque<Sample> samples = new ArrayDeque<>();

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(DaemonThreads.named("mcp-dashboard-"));

	private long lastFinishedTotal = -1;

	/**
	 * Creates a history.
	 * @param admin the docket
	 * @param interval the time between samples
	 * @param span how far back the history goes
	 * @param clock the clock
	 */
	public DocketHistory(DocketAdmin admin, Duration interval, Duration span, Clock clock) {
		this.admin = admin;
		this.interval = interval;
		this.capacity = (int) Math.max(1, span.toMillis() / interval.toMillis());
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		this.scheduler.scheduleWithFixedDelay(this::sample, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

	void sample() {
		try {
			DocketStats stats = this.admin.stats();
			record(stats);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not sample the docket's counts", ex);
		}
	}

	private synchronized void record(DocketStats stats) {
		long finished = (this.lastFinishedTotal < 0) ? 0 : Math.max(0, stats.finishedTotal() - this.lastFinishedTotal);
		this.lastFinishedTotal = stats.finishedTotal();
		Map<TaskState, Long> tasks = stats.tasks();
		this.samples.addLast(new Sample(this.clock.millis(), tasks.getOrDefault(TaskState.QUEUED, 0L),
				tasks.getOrDefault(TaskState.RUNNING, 0L), finished));
		while (this.samples.size() > this.capacity) {
			this.samples.removeFirst();
		}
	}

	/**
	 * Returns the samples, oldest first.
	 * @return the samples
	 */
	public synchronized List<Sample> samples() {
		return new ArrayList<>(this.samples);
	}

	/**
	 * Returns the time between samples.
	 * @return the interval
	 */
	public Duration interval() {
		return this.interval;
	}

	/**
	 * One reading of the docket.
	 * @param at when, in epoch milliseconds
	 * @param queued how many tasks were queued
	 * @param running how many tasks were running
	 * @param finished how many tasks finished since the reading before
	 */
	public record Sample(long at, long queued, long running, long finished) {
	}

}
