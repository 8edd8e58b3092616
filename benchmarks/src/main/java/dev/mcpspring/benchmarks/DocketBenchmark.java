package dev.mcpspring.benchmarks;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.mcpspring.internal.docket.InMemoryDocket;
import dev.mcpspring.internal.docket.TaskFunctionRegistry;
import dev.mcpspring.internal.docket.Worker;
import dev.mcpspring.internal.docket.WorkerObserver;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.tasks.Docket;
import dev.mcpspring.tasks.DocketListener;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskResult;
import dev.mcpspring.tasks.TaskSpec;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * No-op tasks end to end through the in-memory docket and a worker: submitted, claimed,
 * run and finished. Measures throughput (a burst of tasks, all in flight) and
 * submit-to-start latency (at a steady 20,000 tasks/s, and one task at a time).
 * <p>
 * Usage: {@code DocketBenchmark [tasks per round] [rounds] [worker concurrency]}.
 */
public final class DocketBenchmark {

	private static final int PACED_RATE = 20_000;

	private DocketBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int tasks = (args.length > 0) ? Integer.parseInt(args[0]) : 200_000;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 8;
		int concurrency = (args.length > 2) ? Integer.parseInt(args[2]) : 10;
		// Room for a round's tasks while the previous rounds' finished ones wait out their 5 s
		// ttl: a full docket refuses submissions rather than purge tasks early
		InMemoryDocket docket = new InMemoryDocket(McpJson.mapper(), Duration.ofSeconds(5), Duration.ofMinutes(5),
				tasks * 3);
		Probe probe = new Probe();
		TaskFunctionRegistry functions = new TaskFunctionRegistry();
		functions.register("noop", (task, execution) -> {
			probe.started(task);
			return TaskResult.completed(null);
		});
		docket.addListener(probe);
		Worker worker = new Worker("bench", docket, functions,
				new Worker.Settings(concurrency, Duration.ofMinutes(5), Duration.ofSeconds(5), false),
				WorkerObserver.NONE);
		docket.start();
		worker.start();
		System.out.printf("In-memory docket, worker concurrency %d, %d no-op tasks per round, JDK %s, %d cores%n",
				concurrency, tasks, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
		for (int round = 1; round <= rounds; round++) {
			boolean warmup = round <= rounds / 2;
			double perSecond = throughput(docket, probe, tasks);
			String paced = pacedLatency(docket, probe, PACED_RATE, 40_000);
			String idle = idleLatency(docket, probe, 2_000);
			System.out.printf("%s round %d: %,.0f tasks/s; submit->start at %,d tasks/s %s; one at a time %s%n",
					warmup ? "warm-up" : "measured", round, perSecond, PACED_RATE, paced, idle);
		}
		worker.stop();
		docket.stop();
	}

	private static double throughput(Docket docket, Probe probe, int tasks) throws InterruptedException {
		probe.reset(tasks);
		long start = System.nanoTime();
		for (int i = 0; i < tasks; i++) {
			docket.submit(noop());
		}
		if (!probe.finished.await(2, TimeUnit.MINUTES)) {
			throw new IllegalStateException("Tasks did not finish");
		}
		return tasks / ((System.nanoTime() - start) / 1e9);
	}

	private static String pacedLatency(Docket docket, Probe probe, int perSecond, int tasks)
			throws InterruptedException {
		probe.reset(tasks);
		long interval = 1_000_000_000L / perSecond;
		long next = System.nanoTime();
		for (int i = 0; i < tasks; i++) {
			while (System.nanoTime() < next) {
				Thread.onSpinWait();
			}
			docket.submit(noop());
			next += interval;
		}
		probe.finished.await(1, TimeUnit.MINUTES);
		return probe.latency.summary();
	}

	private static String idleLatency(Docket docket, Probe probe, int tasks) throws InterruptedException {
		probe.reset(tasks);
		for (int i = 0; i < tasks; i++) {
			CountDownLatch started = probe.expectStart();
			docket.submit(noop());
			started.await();
		}
		probe.finished.await(10, TimeUnit.SECONDS);
		return probe.latency.summary();
	}

	private static TaskSpec noop() {
		return TaskSpec.builder("noop")
			.arguments(JsonNodeFactory.instance.objectNode().put("t", System.nanoTime()))
			.build();
	}

	/**
	 * Records when tasks start and counts when they finish.
	 */
	private static final class Probe implements DocketListener {

		private volatile Histogram latency = new Histogram(0);

		private volatile CountDownLatch finished = new CountDownLatch(0);

		private volatile CountDownLatch started = new CountDownLatch(0);

		void reset(int tasks) {
			this.latency = new Histogram(tasks);
			this.finished = new CountDownLatch(tasks);
		}

		CountDownLatch expectStart() {
			this.started = new CountDownLatch(1);
			return this.started;
		}

		void started(TaskInfo task) {
			this.latency.record(System.nanoTime() - task.arguments().get("t").asLong());
			this.started.countDown();
		}

		@Override
		public void onStatusChanged(TaskInfo task, boolean local) {
			if (task.status().isTerminal()) {
				this.finished.countDown();
			}
		}

	}

}
