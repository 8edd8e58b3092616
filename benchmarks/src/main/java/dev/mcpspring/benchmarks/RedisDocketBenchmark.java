package dev.mcpspring.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.mcpspring.internal.docket.DocketKey;
import dev.mcpspring.internal.docket.DocketLimits;
import dev.mcpspring.internal.docket.TaskFunctionRegistry;
import dev.mcpspring.internal.docket.Worker;
import dev.mcpspring.internal.docket.WorkerObserver;
import dev.mcpspring.internal.docket.redis.RedisDocket;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.tasks.DocketListener;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskResult;
import dev.mcpspring.tasks.TaskSpec;
import dev.mcpspring.tasks.TaskStatus;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Benchmark of the Redis docket, end to end: no-op tasks submitted by this process (a web
 * node), run by one or two worker processes, their completion heard back through the
 * docket's events. Prints tasks per second (closed loop with a bounded number of tasks in
 * flight) and submit-to-start latency p50/p99 (open loop at a fixed rate, so that the
 * latency is not queueing delay). Not a test: run it with {@code benchmarks/redis-docket.sh}.
 * <p>
 * Usage: {@code RedisDocketBenchmark run [--workers 1,2] [--warmup 10] [--seconds 15]
 * [--latency-rate 1000,5000] [--latency-seconds 10] [--concurrency 16] [--window 2000]
 * [--submitters 4] [--port 6379]}.
 */
public final class RedisDocketBenchmark {

	/** The key the benchmark's processes share (pub/sub authentication); not a secret. */
	private static final DocketKey KEY = DocketKey.fromBase64("YmVuY2htYXJrLW9ubHkta2V5LW5vdC1hLXNlY3JldCE=");

	private static final String FUNCTION = "noop";

	private RedisDocketBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		if ("worker".equals(args[0])) {
			worker(options);
		}
		else {
			run(options);
		}
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("workers", "1,2");
		options.put("warmup", "10");
		options.put("seconds", "15");
		options.put("latency-rate", "1000,5000");
		options.put("latency-seconds", "10");
		options.put("concurrency", "16");
		options.put("window", "2000");
		options.put("port", "6379");
		options.put("submitters", "4");
		for (int i = 1; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		return options;
	}

	private static LettuceConnectionFactory connect(Map<String, String> options) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", Integer.parseInt(options.get("port"))));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	/**
	 * A worker process: runs no-op tasks that answer how long after submission they
	 * started, until its standard input closes.
	 */
	private static void worker(Map<String, String> options) throws Exception {
		LettuceConnectionFactory factory = connect(options);
		RedisDocket docket = new RedisDocket(factory, McpJson.mapper(), options.get("name"), Duration.ofMinutes(1),
				Duration.ofSeconds(30), KEY, DocketLimits.DEFAULTS);
		docket.start();
		TaskFunctionRegistry functions = new TaskFunctionRegistry();
		functions.register(FUNCTION, (task, execution) -> TaskResult.completed(JsonNodeFactory.instance.objectNode()
			.put("l", ChronoUnit.MICROS.between(task.createdAt(), Instant.now()))));
		Worker worker = new Worker("bench-" + ProcessHandle.current().pid(), docket, functions,
				new Worker.Settings(Integer.parseInt(options.get("concurrency")), Duration.ofSeconds(30),
						Duration.ofSeconds(5), false),
				WorkerObserver.NONE);
		worker.start();
		System.out.println("ready");
		System.out.flush();
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		while (in.readLine() != null) {
			// until the benchmark closes our input
		}
		worker.stop();
		docket.stop();
		factory.destroy();
	}

	private static void run(Map<String, String> options) throws Exception {
		System.out.printf("Redis docket benchmark: %d cores, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"), options);
		List<String> rows = new ArrayList<>();
		for (String count : options.get("workers").split(",")) {
			rows.add(measure(Integer.parseInt(count.trim()), options));
		}
		System.out.println();
		System.out.println("| worker processes | tasks/s (closed loop) | submit->start latency (open loop) |");
		System.out.println("|---|---|---|");
		rows.forEach(System.out::println);
	}

	private static String measure(int workers, Map<String, String> options) throws Exception {
		String name = "mcp-bench:" + UUID.randomUUID().toString().substring(0, 8);
		LettuceConnectionFactory factory = connect(options);
		RedisDocket docket = new RedisDocket(factory, McpJson.mapper(), name, Duration.ofMinutes(1),
				Duration.ofSeconds(30), KEY, DocketLimits.DEFAULTS);
		docket.start();
		Completions completions = new Completions();
		docket.addListener(completions);
		List<Process> processes = new ArrayList<>();
		try {
			for (int i = 0; i < workers; i++) {
				processes.add(startWorker(name, options));
			}
			int window = Integer.parseInt(options.get("window"));
			int submitters = Integer.parseInt(options.get("submitters"));
			closedLoop(docket, completions, window, submitters, Duration.ofSeconds(Long.parseLong(options.get("warmup"))));
			long before = completions.count.get();
			long start = System.nanoTime();
			closedLoop(docket, completions, window, submitters,
					Duration.ofSeconds(Long.parseLong(options.get("seconds"))));
			double throughput = (completions.count.get() - before) / ((System.nanoTime() - start) / 1e9);
			completions.drain(Duration.ofSeconds(10));
			StringBuilder latency = new StringBuilder();
			for (String rate : options.get("latency-rate").split(",")) {
				Histogram latencies = openLoop(docket, completions, Integer.parseInt(rate.trim()),
						Duration.ofSeconds(Long.parseLong(options.get("latency-seconds"))));
				latency.append(String.format("%s at %,d tasks/s; ", latencies.summary(), Integer.parseInt(rate.trim())));
			}
			String row = String.format("| %d | %,.0f | %s |", workers, throughput,
					latency.substring(0, latency.length() - 2));
			System.out.println(row);
			return row;
		}
		finally {
			for (Process process : processes) {
				process.getOutputStream().close();
			}
			for (Process process : processes) {
				if (!process.waitFor(10, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			docket.stop();
			deleteKeys(factory, name);
			factory.destroy();
		}
	}

	private static void closedLoop(RedisDocket docket, Completions completions, int window, int submitters,
			Duration duration) throws InterruptedException {
		completions.window = new Semaphore(window);
		long deadline = System.nanoTime() + duration.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < submitters; i++) {
			Thread thread = new Thread(() -> {
				try {
					while (System.nanoTime() < deadline) {
						if (completions.window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
							docket.submit(noop());
						}
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
	}

	private static Histogram openLoop(RedisDocket docket, Completions completions, int rate, Duration duration)
			throws InterruptedException {
		completions.window = null;
		completions.latencies = new Histogram((int) (rate * duration.toSeconds()));
		completions.skip.set(rate);
		int threads = 4;
		long interval = 1_000_000_000L * threads / rate;
		long total = rate * duration.toSeconds() / threads;
		long start = System.nanoTime();
		List<Thread> submitters = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			long offset = interval * t / threads;
			Thread thread = new Thread(() -> {
				try {
					for (long i = 0; i < total; i++) {
						long wait = start + offset + i * interval - System.nanoTime();
						if (wait > 0) {
							TimeUnit.NANOSECONDS.sleep(wait);
						}
						docket.submit(noop());
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			thread.start();
			submitters.add(thread);
		}
		for (Thread thread : submitters) {
			thread.join();
		}
		completions.drain(Duration.ofSeconds(10));
		return completions.latencies;
	}

	private static TaskSpec noop() {
		return TaskSpec.builder(FUNCTION).ttl(Duration.ofSeconds(30)).build();
	}

	private static Process startWorker(String name, Map<String, String> options) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx512m");
		String extra = System.getenv("BENCH_WORKER_JAVA_OPTS");
		if (extra != null && !extra.isBlank()) {
			command.addAll(Arrays.asList(extra.trim().split("\\s+")));
		}
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), RedisDocketBenchmark.class.getName(),
				"worker", "--name", name, "--concurrency", options.get("concurrency"), "--port", options.get("port")));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = out.readLine()) != null && !line.equals("ready")) {
			// startup output
		}
		if (line == null) {
			throw new IllegalStateException("Worker process exited during startup");
		}
		return process;
	}

	private static void deleteKeys(LettuceConnectionFactory factory, String name) {
		StringRedisTemplate redis = new StringRedisTemplate(factory);
		List<String> keys = new ArrayList<>();
		try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(name + ":*").count(1000).build())) {
			cursor.forEachRemaining(keys::add);
		}
		for (int i = 0; i < keys.size(); i += 1000) {
			redis.delete(keys.subList(i, Math.min(keys.size(), i + 1000)));
		}
	}

	/**
	 * Counts completed tasks, heard through the docket's events, and records their
	 * submit-to-start latency.
	 */
	private static final class Completions implements DocketListener {

		private final AtomicLong count = new AtomicLong();

		private final AtomicLong submitted = new AtomicLong();

		private final AtomicLong skip = new AtomicLong();

		private volatile Semaphore window;

		private volatile Histogram latencies;

		@Override
		public void onSubmitted(TaskInfo task) {
			this.submitted.incrementAndGet();
		}

		@Override
		public void onStatusChanged(TaskInfo task, boolean local) {
			if (task.status() != TaskStatus.COMPLETED) {
				return;
			}
			this.count.incrementAndGet();
			Semaphore window = this.window;
			if (window != null) {
				window.release();
			}
			Histogram latencies = this.latencies;
			// Leave out the first second at a fixed rate, while the rate settles
			if (latencies != null && task.result() != null && this.skip.getAndDecrement() <= 0) {
				latencies.record(task.result().path("l").asLong() * 1000);
			}
		}

		void drain(Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (this.count.get() < this.submitted.get() && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
		}

	}

}
