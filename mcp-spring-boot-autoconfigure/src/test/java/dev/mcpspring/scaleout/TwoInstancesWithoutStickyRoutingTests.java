package dev.mcpspring.scaleout;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.mcpspring.internal.docket.redis.RedisTestSupport;
import dev.mcpspring.internal.docket.redis.RequiresRedis;
import dev.mcpspring.internal.web.ListenStreams;
import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of one application behind a load balancer without sticky routing: A is a
 * web node, B a web node with a worker. A client's requests may go to either; the
 * instances share sessions and tasks through Redis, and a task's status changes reach the
 * listen streams of both.
 */
@RequiresRedis
class TwoInstancesWithoutStickyRoutingTests {

	private static final String NAME = RedisTestSupport.uniqueName("two-instances");

	private static final Map<String, Object> DECLARING = Map.of("io.modelcontextprotocol/clientCapabilities",
			Map.of("extensions", Map.of("io.modelcontextprotocol/tasks", Map.of()), "elicitation", Map.of()));

	private static ConfigurableApplicationContext a;

	private static final ScaleOutNodes nodes = new ScaleOutNodes(NAME);

	private static ConfigurableApplicationContext b;

	private static String urlA;

	private static String urlB;

	@BeforeAll
	static void startInstances() {
		a = nodes.start("mcp.worker.enabled=false");
		b = nodes.start();
		urlA = ScaleOutNodes.url(a);
		urlB = ScaleOutNodes.url(b);
	}

	@AfterAll
	static void stopInstances() {
		nodes.close();
	}

	@Test
	void inputRequiredRoundAskedOnOneInstanceIsAnsweredOnTheOther() {
		Map<String, Object> capabilities = Map.of("elicitation", Map.of());
		JsonNode first = stateless(a, Map.of("name", "ask_name", "arguments", Map.of()), capabilities).result();
		assertThat(first.path("resultType").asString()).isEqualTo("input_required");
		assertThat(first.path("inputRequests").has("elicit-1")).isTrue();
		McpResponse second = stateless(b, Map.of("name", "ask_name", "arguments", Map.of(), "requestState",
				first.path("requestState").asString(), "inputResponses",
				Map.of("elicit-1", Map.of("action", "accept", "content", Map.of("name", "Ada")))), capabilities);
		assertThat(second.result().path("resultType").asString()).isEqualTo("complete");
		assertThat(second.text()).startsWith("Hello Ada from pid");
	}

	private static McpResponse stateless(ConfigurableApplicationContext instance, Map<String, Object> params,
			Map<String, Object> capabilities) {
		int port = ScaleOutNodes.port(instance);
		McpTestClient client = McpTestClient.forLocalServer(port);
		return client.stateless("tools/call", "ask_name")
			.json(McpTestClient.statelessBody(client.nextId(), "tools/call", params,
					Map.of("io.modelcontextprotocol/clientCapabilities", capabilities)))
			.send();
	}

	@Test
	void sessionStartedOnOneInstanceServesTaskCallsPollsAndResultsOnTheOther() throws Exception {
		ScaleOutClient client = ScaleOutClient.initialize(urlA);
		try (ScaleOutClient.EventStream streamOnA = client.openStream(urlA)) {
			sessionOnAServesCallsOnB(client, streamOnA.messages());
		}
	}

	private void sessionOnAServesCallsOnB(ScaleOutClient client, BlockingQueue<JsonNode> streamOnA) throws Exception {
		JsonNode created = client.request(urlB, "tools/call", Map.of("name", "slow", "arguments",
				Map.of("steps", 5, "delay_ms", 100), "task", Map.of("ttl", 60000), "_meta", Map.of("progressToken", "p1")));
		String taskId = created.path("result").path("task").path("taskId").asString();
		assertThat(taskId).isNotEmpty();
		assertThat(created.path("result").path("task").path("status").asString()).isEqualTo("working");
		JsonNode polled = client.request(urlA, "tasks/get", Map.of("taskId", taskId));
		assertThat(polled.path("result").path("taskId").asString()).isEqualTo(taskId);
		JsonNode result = client.request(urlA, "tasks/result", Map.of("taskId", taskId));
		assertThat(result.path("result").path("content").get(0).path("text").asString()).startsWith("done by pid");
		assertThat(result.path("result").path("_meta").path("io.modelcontextprotocol/related-task").path("taskId")
			.asString()).isEqualTo(taskId);
		assertThat(client.request(urlA, "tasks/get", Map.of("taskId", taskId)).path("result").path("status").asString())
			.isEqualTo("completed");
		assertThat(client.request(urlB, "tasks/list", Map.of()).path("result").path("tasks").findValuesAsString("taskId"))
			.contains(taskId);
		List<JsonNode> received = new ArrayList<>();
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			streamOnA.drainTo(received);
			return received.stream().anyMatch((message) -> isStatus(message, taskId, "completed"));
		});
		assertThat(received).filteredOn((message) -> "notifications/progress".equals(message.path("method").asString()))
			.extracting((message) -> message.path("params").path("progress").asDouble())
			.containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
		assertThat(client.delete(urlB)).isEqualTo(204);
		assertThatExceptionOfType(ScaleOutClient.HttpStatusException.class)
			.isThrownBy(() -> client.request(urlA, "tasks/get", Map.of("taskId", taskId)))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(404));
	}

	private static boolean isStatus(JsonNode message, String taskId, String status) {
		return "notifications/tasks/status".equals(message.path("method").asString())
				&& taskId.equals(message.path("params").path("taskId").asString())
				&& status.equals(message.path("params").path("status").asString());
	}

	@Test
	void taskCancelledOnOneInstanceStopsOnTheWorkerOfTheOther() throws Exception {
		ScaleOutClient client = ScaleOutClient.initialize(urlB);
		JsonNode created = client.request(urlA, "tools/call", Map.of("name", "slow", "arguments",
				Map.of("steps", 100, "delay_ms", 100), "task", Map.of()));
		String taskId = created.path("result").path("task").path("taskId").asString();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> client.request(urlA, "tasks/get", Map.of("taskId", taskId)).path("result")
				.path("statusMessage").asString().startsWith("step"));
		JsonNode cancelled = client.request(urlA, "tasks/cancel", Map.of("taskId", taskId));
		assertThat(cancelled.path("result").path("status").asString()).isEqualTo("cancelled");
		JsonNode result = client.request(urlB, "tasks/result", Map.of("taskId", taskId));
		assertThat(result.path("error").path("message").asString()).contains("cancelled");
		StringRedisTemplate redis = b.getBean(StringRedisTemplate.class);
		TimeUnit.MILLISECONDS.sleep(300);
		assertThat(redis.opsForList().size(ScaleOutTools.runsKey(NAME, taskId))).isZero();
		assertThat(client.request(urlB, "tasks/get", Map.of("taskId", taskId)).path("result").path("status").asString())
			.isEqualTo("cancelled");
	}

	@Test
	void extensionTaskCreatedOnOneInstanceIsPolledAndCancelledOnTheOther() throws Exception {
		McpTestClient onA = McpTestClient.forEndpoint(URI.create(urlA));
		McpTestClient onB = McpTestClient.forEndpoint(URI.create(urlB));
		JsonNode created = stateless(onA, "tools/call",
				Map.of("name", "slow", "arguments", Map.of("steps", 3, "delay_ms", 50)))
			.result();
		assertThat(created.path("resultType").asString()).isEqualTo("task");
		String taskId = created.path("taskId").asString();
		assertThat(stateless(onB, "tasks/get", Map.of("taskId", taskId)).result().path("taskId").asString())
			.isEqualTo(taskId);
		JsonNode done = await().atMost(Duration.ofSeconds(10))
			.until(() -> stateless(onB, "tasks/get", Map.of("taskId", taskId)).result(),
					(task) -> "completed".equals(task.path("status").asString()));
		assertThat(done.path("result").path("content").path(0).path("text").asString()).startsWith("done by pid");
		String longId = stateless(onA, "tools/call",
				Map.of("name", "slow", "arguments", Map.of("steps", 100, "delay_ms", 100)))
			.result()
			.path("taskId")
			.asString();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> stateless(onA, "tasks/get", Map.of("taskId", longId)).result().path("statusMessage")
				.asString()
				.startsWith("step"));
		JsonNode ack = stateless(onB, "tasks/cancel", Map.of("taskId", longId)).result();
		assertThat(ack.path("resultType").asString()).isEqualTo("complete");
		assertThat(ack.has("status")).isFalse();
		assertThat(stateless(onA, "tasks/get", Map.of("taskId", longId)).result().path("status").asString())
			.isEqualTo("cancelled");
		TimeUnit.MILLISECONDS.sleep(300);
		assertThat(b.getBean(StringRedisTemplate.class).opsForList().size(ScaleOutTools.runsKey(NAME, longId)))
			.isZero();
	}

	@Test
	void statusChangesOfATaskRunOnOneInstanceReachAListenStreamOnTheOther() {
		McpTestClient onA = McpTestClient.forEndpoint(URI.create(urlA));
		McpTestClient onB = McpTestClient.forEndpoint(URI.create(urlB));
		String gate = UUID.randomUUID().toString();
		String taskId = stateless(onB, "tools/call", Map.of("name", "gated", "arguments", Map.of("gate", gate)))
			.result()
			.path("taskId")
			.asString();
		try (McpEventStream stream = onA.stateless(ListenStreams.METHOD, null)
			.json(McpTestClient.statelessBody("on-a", ListenStreams.METHOD,
					Map.of("notifications", Map.of("taskIds", List.of(taskId))), DECLARING))
			.stream()) {
			JsonNode ack = stream.nextNotification("notifications/subscriptions/acknowledged", Duration.ofSeconds(10));
			assertThat(ack.at("/params/notifications/taskIds").valueStream().map(JsonNode::asString))
				.containsExactly(taskId);
			b.getBean(StringRedisTemplate.class).opsForValue().set(ScaleOutTools.gateKey(NAME, gate), "open");
			// B's worker finishes the task: A hears it from the docket
			JsonNode completed = stream.nextNotification("notifications/tasks", Duration.ofSeconds(10));
			assertThat(completed.at("/params/status").asString()).isEqualTo("completed");
			assertThat(completed.at("/params/taskId").asString()).isEqualTo(taskId);
			assertThat(completed.at("/params/result/content/0/text").asString()).startsWith("passed " + gate + " on pid");
			assertThat(completed.at("/params/_meta").path(ListenStreams.META_SUBSCRIPTION_ID).asString())
				.isEqualTo("on-a");
		}
	}

	@Test
	void extensionTaskWaitingForInputIsAnsweredInPartsOnEitherInstance() throws Exception {
		McpTestClient onA = McpTestClient.forEndpoint(URI.create(urlA));
		McpTestClient onB = McpTestClient.forEndpoint(URI.create(urlB));
		JsonNode created = stateless(onA, "tools/call",
				Map.of("name", "confirm_both", "arguments", Map.of("work_ms", 0)))
			.result();
		assertThat(created.path("resultType").asString()).isEqualTo("task");
		String taskId = created.path("taskId").asString();
		JsonNode waiting = await().atMost(Duration.ofSeconds(10))
			.until(() -> stateless(onB, "tasks/get", Map.of("taskId", taskId)).result(),
					(task) -> "input_required".equals(task.path("status").asString()));
		JsonNode requests = waiting.path("inputRequests");
		assertThat(requests.propertyNames()).containsExactlyInAnyOrder("first", "second");
		assertThat(requests.path("first").path("method").asString()).isEqualTo("elicitation/create");
		assertThat(requests.path("first").path("params").path("message").asString())
			.isEqualTo("First confirmation?");
		assertThat(requests.path("second").path("params").path("message").asString())
			.isEqualTo("Second confirmation?");
		JsonNode ack = stateless(onB, "tasks/update", Map.of("taskId", taskId, "inputResponses",
				Map.of("first", accept("yes-1"), "unknown", accept("ignored"))))
			.result();
		assertThat(ack.path("resultType").asString()).isEqualTo("complete");
		JsonNode partly = stateless(onA, "tasks/get", Map.of("taskId", taskId)).result();
		assertThat(partly.path("status").asString()).isEqualTo("input_required");
		assertThat(partly.path("inputRequests").propertyNames()).containsExactly("second");
		assertThat(stateless(onA, "tasks/update",
				Map.of("taskId", taskId, "inputResponses", Map.of("second", accept("yes-2"))))
			.result()
			.path("resultType")
			.asString()).isEqualTo("complete");
		JsonNode done = await().atMost(Duration.ofSeconds(10))
			.until(() -> stateless(onB, "tasks/get", Map.of("taskId", taskId)).result(),
					(task) -> "completed".equals(task.path("status").asString()));
		assertThat(done.path("result").path("content").path(0).path("text").asString())
			.startsWith("confirmed yes-1 and yes-2 on pid");
		assertThat(done.has("inputRequests")).isFalse();
		assertThat(b.getBean(StringRedisTemplate.class).opsForList().range(ScaleOutTools.runsKey(NAME, taskId), 0, -1))
			.hasSize(1);
	}

	private static Map<String, Object> accept(String value) {
		return Map.of("action", "accept", "content", Map.of("value", value));
	}

	/**
	 * Sends a stateless (2026-07-28) request of a client that declares the tasks
	 * extension and elicitation.
	 */
	private static McpResponse stateless(McpTestClient client, String method, Map<String, Object> params) {
		Object name = params.containsKey("taskId") ? params.get("taskId") : params.get("name");
		return client.stateless(method, name.toString())
			.json(McpTestClient.statelessBody(client.nextId(), method, params, DECLARING))
			.send();
	}

	@Test
	void cancellationOfARequestReachesTheInstanceHandlingIt() throws Exception {
		ScaleOutClient client = ScaleOutClient.initialize(urlA);
		StringRedisTemplate redis = a.getBean(StringRedisTemplate.class);
		redis.delete(NAME + ":test-cancelled");
		client.requestAsync(urlB, 9001, "tools/call", Map.of("name", "block", "arguments", Map.of()));
		TimeUnit.MILLISECONDS.sleep(500);
		assertThat(client.notify(urlA, "notifications/cancelled", Map.of("requestId", 9001, "reason", "test")))
			.isEqualTo(202);
		await().atMost(Duration.ofSeconds(5)).until(() -> redis.hasKey(NAME + ":test-cancelled"));
	}

}
