package dev.mcpspring.scaleout;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.mcpspring.internal.docket.redis.RedisTestSupport;
import dev.mcpspring.internal.docket.redis.RequiresRedis;
import dev.mcpspring.tasks.Docket;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 2026-07-28 task that waits for the client's input holds no worker: {@code kill -9}
 * of the worker that asked loses nothing, and the answers reach whichever worker runs it
 * next; {@code kill -9} of the worker that runs it again with the answers redelivers that
 * run, with the answers, to another worker. The web node runs in this JVM without a
 * worker; the workers are {@link NodeProcess worker processes} (redelivery timeout 2s).
 */
@RequiresRedis
class WorkerKilledWhileTaskWaitsForInputTests {

	private static final Duration STARTUP = Duration.ofSeconds(90);

	private static final String NAME = RedisTestSupport.uniqueName("input-kill");

	private static final ScaleOutNodes nodes = new ScaleOutNodes(NAME);

	private static ConfigurableApplicationContext web;

	private static McpTestClient client;

	private final List<NodeProcess> processes = new ArrayList<>();

	@BeforeAll
	static void startWebNode() {
		web = nodes.start("mcp.worker.enabled=false");
		client = McpTestClient.forEndpoint(URI.create(ScaleOutNodes.url(web)));
	}

	@AfterAll
	static void stopWebNode() {
		nodes.close();
	}

	@AfterEach
	void stopWorkers() throws Exception {
		for (NodeProcess process : this.processes) {
			process.close();
		}
	}

	@Test
	void workerKilledWhileTheTaskWaitsForInputLosesNothing() throws Exception {
		NodeProcess asker = startWorkers("worker-asker").get(0);
		String taskId = createTask(0);
		awaitInputRequired(taskId);
		asker.kill();
		assertThat(get(taskId).path("status").asString()).isEqualTo("input_required");
		answerBoth(taskId);
		assertThat(get(taskId).path("status").asString()).isEqualTo("working");
		assertThat(web.getBean(Docket.class).get(taskId).orElseThrow().statusMessage())
			.isEqualTo("Resumed with the client's input");
		NodeProcess next = startWorkers("worker-next").get(0);
		JsonNode done = awaitCompleted(taskId, next);
		assertThat(text(done)).isEqualTo("confirmed yes-1 and yes-2 on pid " + next.pid());
		TaskInfo task = web.getBean(Docket.class).get(taskId).orElseThrow();
		// the run that asked gave its attempt back; the run with the answers is attempt 1;
		// no redelivery: the waiting task had no lease for the kill to strand
		assertThat(task.attempts()).isEqualTo(1);
		assertThat(runs(taskId)).containsExactly(Long.toString(next.pid()));
		System.out.printf("kill -9 of the worker that asked (pid %d) while the task waited for input: answered, "
				+ "then completed on pid %d, attempts %d%n", asker.pid(), next.pid(), task.attempts());
	}

	@Test
	void workerKilledWhileItRunsTheTaskWithTheAnswersIsReplacedAndTheTaskCompletesOnce() throws Exception {
		List<NodeProcess> workers = startWorkers("worker-a", "worker-b");
		String taskId = createTask(3000);
		awaitInputRequired(taskId);
		answerBoth(taskId);
		String answered = await().atMost(Duration.ofSeconds(10))
			.until(() -> get(taskId).path("statusMessage").asString(), (message) -> message.startsWith("answered"));
		long runningPid = Long.parseLong(answered.substring("answered on pid ".length()));
		NodeProcess victim = (workers.get(0).pid() == runningPid) ? workers.get(0) : workers.get(1);
		NodeProcess survivor = (victim == workers.get(0)) ? workers.get(1) : workers.get(0);
		victim.kill();
		JsonNode done = awaitCompleted(taskId, survivor);
		assertThat(text(done)).isEqualTo("confirmed yes-1 and yes-2 on pid " + survivor.pid());
		TaskInfo task = web.getBean(Docket.class).get(taskId).orElseThrow();
		// the run that asked gave its attempt back, attempt 1 ran with the answers and was
		// killed, attempt 2 was the redelivery, which found the stored answers and asked nothing
		assertThat(task.attempts()).isEqualTo(2);
		assertThat(task.input().requests()).isEmpty();
		assertThat(runs(taskId)).containsExactly(Long.toString(survivor.pid()));
		System.out.printf("kill -9 of the worker running the task with its answers (pid %d): redelivered to pid %d, "
				+ "completed once, attempts %d%n", victim.pid(), survivor.pid(), task.attempts());
	}

	private List<NodeProcess> startWorkers(String... names) throws Exception {
		List<NodeProcess> started = new ArrayList<>();
		for (String name : names) {
			NodeProcess process = NodeProcess.startWorker(name, NAME);
			this.processes.add(process);
			started.add(process);
		}
		CompletableFuture.allOf(started.stream().map((process) -> CompletableFuture.runAsync(() -> {
			try {
				process.awaitStarted(STARTUP);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		})).toArray(CompletableFuture[]::new)).join();
		return started;
	}

	private static String createTask(int workMs) {
		JsonNode created = send("tools/call", Map.of("name", "confirm_both", "arguments", Map.of("work_ms", workMs)))
			.result();
		assertThat(created.path("resultType").asString()).isEqualTo("task");
		return created.path("taskId").asString();
	}

	private static void awaitInputRequired(String taskId) {
		JsonNode waiting = await().atMost(Duration.ofSeconds(10))
			.until(() -> get(taskId), (task) -> "input_required".equals(task.path("status").asString()));
		assertThat(waiting.path("inputRequests").propertyNames()).containsExactlyInAnyOrder("first", "second");
	}

	private static void answerBoth(String taskId) {
		JsonNode ack = send("tasks/update",
				Map.of("taskId", taskId, "inputResponses", Map.of("first", accept("yes-1"), "second", accept("yes-2"))))
			.result();
		assertThat(ack.path("resultType").asString()).isEqualTo("complete");
	}

	private static JsonNode awaitCompleted(String taskId, NodeProcess worker) throws Exception {
		JsonNode done = await().atMost(Duration.ofSeconds(30))
			.until(() -> get(taskId), (task) -> task.path("status").asString().matches("completed|failed|cancelled"));
		assertThat(done.path("status").asString()).as(worker.output()).isEqualTo("completed");
		return done;
	}

	private static String text(JsonNode task) {
		return task.path("result").path("content").path(0).path("text").asString();
	}

	private static List<String> runs(String taskId) {
		return web.getBean(StringRedisTemplate.class).opsForList().range(ScaleOutTools.runsKey(NAME, taskId), 0, -1);
	}

	private static Map<String, Object> accept(String value) {
		return Map.of("action", "accept", "content", Map.of("value", value));
	}

	private static JsonNode get(String taskId) {
		return send("tasks/get", Map.of("taskId", taskId)).result();
	}

	/**
	 * Sends a stateless (2026-07-28) request of a client that declares the tasks
	 * extension and elicitation.
	 */
	private static McpResponse send(String method, Map<String, Object> params) {
		Object name = params.containsKey("taskId") ? params.get("taskId") : params.get("name");
		return client.stateless(method, name.toString())
			.json(McpTestClient.statelessBody(client.nextId(), method, params,
					Map.of("io.modelcontextprotocol/clientCapabilities",
							Map.of("extensions", Map.of("io.modelcontextprotocol/tasks", Map.of()), "elicitation",
									Map.of()))))
			.send();
	}

}
