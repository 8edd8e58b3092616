package dev.mcpspring.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Task round trips over HTTP, from {@code tools/call} sent to the result in hand, with a
 * fixed number of no-op tasks in flight, on both wires of two servers (memory and Redis
 * store), the four variants alternating window by window. On 2026-07-28 a stateless
 * {@code tools/call} answers a flat {@code CreateTaskResult} and {@code tasks/get} answers
 * the result inline once completed; on 2025-11-25 each driver thread has its own session,
 * {@code tools/call} with {@code params.task} answers {@code result.task}, {@code tasks/get}
 * is polled until completed and then {@code tasks/result} fetches the result. Both poll
 * every 5 ms.
 * <p>
 * Arguments: memory URL, memory server pid, Redis URL, Redis server pid, warm-up seconds,
 * rounds, seconds per window, tasks in flight.
 */
public final class TaskRoundTripBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final long POLL_MILLIS = 5;

	private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
			+ "\"io.modelcontextprotocol/clientCapabilities\":{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}},"
			+ "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}";

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final AtomicLong ids = new AtomicLong();

	private final AtomicReference<String> firstError = new AtomicReference<>();

	private TaskRoundTripBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<Server> servers = List.of(new Server("memory", args[0], Long.parseLong(args[1])),
				new Server("redis", args[2], Long.parseLong(args[3])));
		int warmup = Integer.parseInt(args[4]);
		int rounds = Integer.parseInt(args[5]);
		int seconds = Integer.parseInt(args[6]);
		int inFlight = Integer.parseInt(args[7]);
		TaskRoundTripBenchmark benchmark = new TaskRoundTripBenchmark();
		ExecutorService pool = Executors.newFixedThreadPool(inFlight);
		try {
			System.out.printf("warming up for %d s (all variants, alternating, %d in flight)%n", warmup, inFlight);
			long end = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
			while (System.nanoTime() < end) {
				for (Server server : servers) {
					for (boolean modern : new boolean[] { false, true }) {
						System.out.println("  " + benchmark.window(pool, server, modern, inFlight, 5));
					}
				}
			}
			System.out.printf("%n%-15s %-5s %8s %9s %9s %9s %12s%n", "variant", "round", "tasks/s", "p50 ms",
					"p99 ms", "max ms", "cpu us/task");
			for (int round = 1; round <= rounds; round++) {
				for (Server server : servers) {
					for (boolean modern : new boolean[] { false, true }) {
						System.out.println(benchmark.window(pool, server, modern, inFlight, seconds).row(round));
					}
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Window window(ExecutorService pool, Server server, boolean modern, int inFlight, int seconds)
			throws Exception {
		Histogram histogram = new Histogram(2_000_000);
		AtomicLong errors = new AtomicLong();
		long cpuBefore = server.cpuNanos();
		long start = System.nanoTime();
		long end = start + Duration.ofSeconds(seconds).toNanos();
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < inFlight; i++) {
			futures.add(pool.submit(() -> {
				String session = modern ? null : initialize(server.url);
				while (System.nanoTime() < end) {
					long sent = System.nanoTime();
					try {
						if (modern ? modernRoundTrip(server.url) : sessionRoundTrip(server.url, session)) {
							histogram.record(System.nanoTime() - sent);
						}
						else {
							errors.incrementAndGet();
						}
					}
					catch (IOException ex) {
						errors.incrementAndGet();
						this.firstError.compareAndSet(null, ex.toString());
					}
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long cpu = server.cpuNanos() - cpuBefore;
		if (errors.get() > 0) {
			System.out.println("  " + errors.get() + " failed round trips, first: " + this.firstError.get());
		}
		return new Window(server.name + "-" + (modern ? "2026" : "2025"), histogram.sorted(), elapsed, cpu);
	}

	private boolean modernRoundTrip(String url) throws IOException, InterruptedException {
		JsonNode created = modern(url, "tools/call", "noop", "{\"name\":\"noop\",\"arguments\":{}," + META + "}");
		String taskId = created.path("result").path("taskId").asString();
		if (taskId.isEmpty()) {
			return failed(created);
		}
		while (true) {
			Thread.sleep(POLL_MILLIS);
			JsonNode got = modern(url, "tasks/get", taskId, "{\"taskId\":\"" + taskId + "\"," + META + "}");
			String status = got.path("result").path("status").asString();
			if (status.equals("completed")) {
				return done(got.path("result").path("result"), got);
			}
			if (!status.equals("working")) {
				return failed(got);
			}
		}
	}

	private boolean sessionRoundTrip(String url, String session) throws IOException, InterruptedException {
		JsonNode created = session(url, session, "tools/call", "{\"name\":\"noop\",\"arguments\":{},\"task\":{}}");
		String taskId = created.path("result").path("task").path("taskId").asString();
		if (taskId.isEmpty()) {
			return failed(created);
		}
		while (true) {
			Thread.sleep(POLL_MILLIS);
			JsonNode got = session(url, session, "tasks/get", "{\"taskId\":\"" + taskId + "\"}");
			String status = got.path("result").path("status").asString();
			if (status.equals("completed")) {
				JsonNode result = session(url, session, "tasks/result", "{\"taskId\":\"" + taskId + "\"}");
				return done(result.path("result"), result);
			}
			if (!status.equals("working")) {
				return failed(got);
			}
		}
	}

	private boolean done(JsonNode result, JsonNode response) {
		return result.path("content").path(0).path("text").asString().equals("done") || failed(response);
	}

	private boolean failed(JsonNode response) {
		this.firstError.compareAndSet(null, response.toString());
		return false;
	}

	private String initialize(String url) throws IOException, InterruptedException {
		HttpResponse<String> response = send(request(url).POST(body("initialize",
				"{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}"))
			.build());
		String session = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
		send(request(url).header("Mcp-Session-Id", session)
			.header("MCP-Protocol-Version", "2025-11-25")
			.POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))
			.build());
		return session;
	}

	private JsonNode session(String url, String session, String method, String params)
			throws IOException, InterruptedException {
		return json(send(request(url).header("Mcp-Session-Id", session)
			.header("MCP-Protocol-Version", "2025-11-25")
			.POST(body(method, params))
			.build()));
	}

	private JsonNode modern(String url, String method, String name, String params)
			throws IOException, InterruptedException {
		return json(send(request(url).header("MCP-Protocol-Version", "2026-07-28")
			.header("Mcp-Method", method)
			.header("Mcp-Name", name)
			.POST(body(method, params))
			.build()));
	}

	private HttpRequest.Builder request(String url) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream");
	}

	private HttpRequest.BodyPublisher body(String method, String params) {
		return HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":" + this.ids.incrementAndGet()
				+ ",\"method\":\"" + method + "\",\"params\":" + params + "}");
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		String body = response.body();
		if (body.startsWith("event:") || body.startsWith("data:") || body.startsWith("id:")) {
			String last = null;
			for (String line : body.split("\n")) {
				if (line.startsWith("data:")) {
					last = line.substring(5).trim();
				}
			}
			body = (last != null) ? last : "{}";
		}
		return JSON.readTree(body.isEmpty() ? "{}" : body);
	}

	private record Server(String name, String url, long pid) {

		long cpuNanos() throws IOException {
			String[] fields = Files.readString(Path.of("/proc/" + this.pid + "/stat")).split("\\) ")[1].split(" ");
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			return ticks * 10_000_000L;
		}

	}

	private record Window(String variant, long[] sorted, double seconds, long cpuNanos) {

		String row(int round) {
			return String.format("%-15s %-5d %8.0f %9.2f %9.2f %9.2f %12.1f", this.variant, round,
					this.sorted.length / this.seconds, Histogram.millis(this.sorted, 0.50),
					Histogram.millis(this.sorted, 0.99), Histogram.millis(this.sorted, 1.0),
					this.cpuNanos / 1e3 / Math.max(1, this.sorted.length));
		}

		@Override
		public String toString() {
			return this.variant + ": " + row(0).substring(22);
		}

	}

}
