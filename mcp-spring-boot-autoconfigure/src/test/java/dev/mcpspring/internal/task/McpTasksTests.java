package dev.mcpspring.internal.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.app.TaskTools;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MCP tasks (2025-11-25) over real HTTP: tools called as tasks, {@code tasks/get},
 * {@code tasks/result}, {@code tasks/list}, {@code tasks/cancel}, status and progress
 * notifications, ownership and the background context.
 */
@McpServerTest
class McpTasksTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final String RELATED_TASK = "io.modelcontextprotocol/related-task";

	@LocalServerPort
	private int port;

	@Autowired
	private TaskTools tools;

	private McpTestClient client;

	@BeforeEach
	void connect() {
		this.client = McpTestClient.forLocalServer(this.port);
		this.client.connect();
	}

	@Test
	void initializeAnnouncesTheTasksCapability() {
		JsonNode tasks = McpTestClient.forLocalServer(this.port).connect().path("capabilities").path("tasks");
		assertThat(tasks.has("list")).isTrue();
		assertThat(tasks.has("cancel")).isTrue();
		assertThat(tasks.path("requests").path("tools").has("call")).isTrue();
	}

	@Test
	void toolsListTheirTaskSupport() {
		assertThat(taskSupport("task_only")).isEqualTo("required");
		assertThat(taskSupport("gated_task")).isEqualTo("optional");
		assertThat(taskSupport("progress")).isEqualTo("forbidden");
	}

	@Test
	void taskCallAnswersAtOnceWithTheTask() {
		String gate = gate();
		long start = System.nanoTime();
		JsonNode task = createTask("gated_task", Map.of("gate", gate), Map.of("ttl", 60000));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(task.path("taskId").asString()).matches("[0-9a-f]{32}");
		assertThat(task.path("status").asString()).isEqualTo("working");
		assertThat(Instant.parse(task.path("createdAt").asString())).isBeforeOrEqualTo(Instant.now());
		assertThat(Instant.parse(task.path("lastUpdatedAt").asString())).isNotNull();
		assertThat(task.path("ttl").asLong()).isEqualTo(60000);
		assertThat(task.path("pollInterval").asLong()).isEqualTo(250);
		this.tools.open(gate);
		awaitStatus(task, "completed");
	}

	@Test
	void ttlIsCappedByTheMaximumAndDefaultsWhenAbsent() {
		assertThat(createTask("task_record", Map.of("a", 1, "b", 2), Map.of("ttl", 86_400_000)).path("ttl").asLong())
			.isEqualTo(Duration.ofMinutes(10).toMillis());
		assertThat(createTask("task_record", Map.of("a", 1, "b", 2), Map.of()).path("ttl").asLong())
			.isEqualTo(Duration.ofMinutes(2).toMillis());
	}

	@Test
	void negativeTtlIsInvalidParams() {
		McpResponse response = this.client.request("tools/call",
				Map.of("name", "task_record", "arguments", Map.of("a", 1, "b", 2), "task", Map.of("ttl", -5)));
		assertThat(response.errorCode()).isEqualTo(-32602);
	}

	@Test
	void tasksGetReportsStatusAndProgressMessage() {
		String gate = gate();
		JsonNode task = createTask("gated_task", Map.of("gate", gate), Map.of());
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(get(task).path("statusMessage").asString()).isEqualTo("waiting at " + gate));
		assertThat(get(task).path("status").asString()).isEqualTo("working");
		this.tools.open(gate);
	}

	@Test
	void tasksResultBlocksUntilTheTaskFinishesAndReturnsTheToolResult() throws Exception {
		String gate = gate();
		JsonNode task = createTask("gated_task", Map.of("gate", gate), Map.of());
		CompletableFuture<McpResponse> result = this.client.raw()
			.json(McpTestClient.request(this.client.nextId(), "tasks/result", Map.of("taskId", id(task))))
			.sendAsync();
		Thread.sleep(300);
		assertThat(result).isNotDone();
		this.tools.open(gate);
		JsonNode toolResult = result.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).result();
		assertThat(toolResult.path("content").get(0).path("text").asString()).isEqualTo("passed " + gate);
		assertThat(toolResult.path("_meta").path(RELATED_TASK).path("taskId").asString()).isEqualTo(id(task));
	}

	@Test
	void taskResultIsWhatTheDirectCallReturns() {
		JsonNode direct = this.client.callTool("task_record", Map.of("a", 3, "b", 4)).result();
		JsonNode task = createTask("task_record", Map.of("a", 3, "b", 4), Map.of());
		JsonNode viaTask = result(task).result().deepCopy();
		((tools.jackson.databind.node.ObjectNode) viaTask).remove("_meta");
		assertThat(viaTask).isEqualTo(direct);
		assertThat(direct.path("structuredContent").path("total").asInt()).isEqualTo(7);
	}

	@Test
	void toolErrorMakesTheTaskFailed() {
		JsonNode task = createTask("task_fail", Map.of(), Map.of());
		JsonNode result = result(task).result();
		assertThat(result.path("isError").asBoolean()).isTrue();
		assertThat(result.path("content").get(0).path("text").asString()).isEqualTo("task_fail failed");
		assertThat(get(task).path("status").asString()).isEqualTo("failed");
	}

	@Test
	void jsonRpcErrorOfTheToolIsWhatTasksResultAnswers() {
		JsonNode task = createTask("task_rpc_error", Map.of(), Map.of());
		McpResponse response = result(task);
		assertThat(response.errorCode()).isEqualTo(-32602);
		assertThat(response.error().path("message").asString()).isEqualTo("task_rpc_error rejected its arguments");
		assertThat(get(task).path("status").asString()).isEqualTo("failed");
	}

	@Test
	void requiredTaskToolWithoutTaskIsMethodNotFound() {
		assertThat(this.client.callTool("task_only", Map.of()).errorCode()).isEqualTo(-32601);
		JsonNode task = createTask("task_only", Map.of(), Map.of());
		assertThat(result(task).result().path("content").get(0).path("text").asString()).isEqualTo("ran as a task");
	}

	@Test
	void taskForAToolThatForbidsItIsMethodNotFound() {
		McpResponse response = this.client.request("tools/call",
				Map.of("name", "progress", "arguments", Map.of("steps", 1), "task", Map.of()));
		assertThat(response.errorCode()).isEqualTo(-32601);
	}

	@Test
	void unknownTaskIdIsInvalidParams() {
		for (String method : List.of("tasks/get", "tasks/result", "tasks/cancel")) {
			assertThat(this.client.request(method, Map.of("taskId", "0123456789abcdef0123456789abcdef")).errorCode())
				.as(method)
				.isEqualTo(-32602);
		}
		assertThat(this.client.request("tasks/get", Map.of()).errorCode()).isEqualTo(-32602);
	}

	@Test
	void tasksOfAnotherSessionAreInvisible() {
		JsonNode task = createTask("task_record", Map.of("a", 1, "b", 1), Map.of());
		McpTestClient other = McpTestClient.forLocalServer(this.port);
		other.connect();
		for (String method : List.of("tasks/get", "tasks/result", "tasks/cancel")) {
			assertThat(other.request(method, Map.of("taskId", id(task))).errorCode()).as(method).isEqualTo(-32602);
		}
		assertThat(listAll(other)).doesNotContain(id(task));
		assertThat(listAll(this.client)).contains(id(task));
	}

	@Test
	void authenticatedPrincipalOwnsItsTasksAcrossSessions() {
		McpTestClient alice = McpTestClient.forLocalServer(this.port).basicAuth("alice", "password");
		alice.connect();
		JsonNode task = createTask(alice, "task_record", Map.of("a", 2, "b", 2));
		McpTestClient aliceAgain = McpTestClient.forLocalServer(this.port).basicAuth("alice", "password");
		aliceAgain.connect();
		McpTestClient bob = McpTestClient.forLocalServer(this.port).basicAuth("bob", "password");
		bob.connect();
		assertThat(aliceAgain.call("tasks/get", Map.of("taskId", id(task))).path("taskId").asString())
			.isEqualTo(id(task));
		assertThat(listAll(aliceAgain)).contains(id(task));
		assertThat(bob.request("tasks/get", Map.of("taskId", id(task))).errorCode()).isEqualTo(-32602);
		assertThat(listAll(bob)).doesNotContain(id(task));
	}

	@Test
	void tasksListPagesThroughTheCallersTasksOldestFirst() {
		McpTestClient own = McpTestClient.forLocalServer(this.port);
		own.connect();
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			created.add(id(createTask(own, "task_record", Map.of("a", i, "b", 0))));
		}
		JsonNode first = own.call("tasks/list", Map.of());
		assertThat(first.path("tasks").size()).isEqualTo(5);
		assertThat(first.path("nextCursor").isString()).isTrue();
		JsonNode second = own.call("tasks/list", Map.of("cursor", first.path("nextCursor").asString()));
		assertThat(second.has("nextCursor")).isFalse();
		assertThat(listAll(own)).containsExactlyElementsOf(created);
		assertThat(own.request("tasks/list", Map.of("cursor", "%%%")).errorCode()).isEqualTo(-32602);
	}

	@Test
	void cancellingARunningTaskInterruptsTheToolAndReportsCancelled() {
		String key = gate();
		JsonNode task = createTask("task_block", Map.of("key", key), Map.of());
		await().atMost(WAIT).until(() -> "started".equals(this.tools.observed().get(key)));
		JsonNode cancelled = this.client.call("tasks/cancel", Map.of("taskId", id(task)));
		assertThat(cancelled.path("status").asString()).isEqualTo("cancelled");
		assertThat(cancelled.path("statusMessage").asString()).isNotEmpty();
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.tools.observed().get(key)).isEqualTo("interrupted cancelled=true"));
		assertThat(get(task).path("status").asString()).isEqualTo("cancelled");
		assertThat(result(task).errorCode()).isEqualTo(-32603);
	}

	@Test
	void cancellingAFinishedTaskIsInvalidParams() {
		JsonNode task = createTask("task_record", Map.of("a", 1, "b", 2), Map.of());
		result(task);
		assertThat(this.client.request("tasks/cancel", Map.of("taskId", id(task))).errorCode()).isEqualTo(-32602);
		assertThat(get(task).path("status").asString()).isEqualTo("completed");
	}

	@Test
	void statusChangesAreNotifiedOnTheSessionStream() {
		try (McpEventStream stream = this.client.openStream()) {
			stream.next(WAIT);
			JsonNode task = createTask("task_record", Map.of("a", 5, "b", 5), Map.of());
			JsonNode notification = stream.nextMessage(
					(message) -> "notifications/tasks/status".equals(message.path("method").asString())
							&& id(task).equals(message.path("params").path("taskId").asString()),
					WAIT);
			assertThat(notification.path("params").path("status").asString()).isEqualTo("completed");
			assertThat(notification.path("params").has("createdAt")).isTrue();
		}
	}

	@Test
	void backgroundProgressReachesTheClientWithTheOriginalToken() {
		try (McpEventStream stream = this.client.openStream()) {
			stream.next(WAIT);
			Map<String, Object> params = new LinkedHashMap<>();
			params.put("name", "task_steps");
			params.put("arguments", Map.of("steps", 3));
			params.put("task", Map.of());
			params.put("_meta", Map.of("progressToken", "token-7"));
			JsonNode task = this.client.call("tools/call", params).path("task");
			List<Double> progress = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				JsonNode notification = stream.nextNotification("notifications/progress", WAIT);
				assertThat(notification.path("params").path("progressToken").asString()).isEqualTo("token-7");
				progress.add(notification.path("params").path("progress").asDouble());
			}
			assertThat(progress).containsExactly(1.0, 2.0, 3.0);
			assertThat(result(task).result().path("content").get(0).path("text").asString()).isEqualTo("stepped 3");
			assertThat(get(task).path("statusMessage").isMissingNode()).isTrue();
		}
	}

	@Test
	void toolRunningAsATaskSeesItsBackgroundContext() {
		McpTestClient alice = McpTestClient.forLocalServer(this.port)
			.basicAuth("alice", "password")
			.header("X-Tenant", "acme");
		alice.connect();
		JsonNode task = createTask(alice, "task_context", Map.of());
		JsonNode seen = alice.call("tasks/result", Map.of("taskId", id(task))).path("structuredContent");
		assertThat(seen.path("background").asBoolean()).isTrue();
		assertThat(seen.path("taskId").asString()).isEqualTo(id(task));
		assertThat(seen.path("tenant").asString()).isEqualTo("acme");
		assertThat(seen.path("principal").asString()).isEqualTo("alice");
		assertThat(seen.path("hasSession").asBoolean()).isTrue();
		assertThat(seen.path("sameAsCurrent").asBoolean()).isTrue();
		JsonNode direct = alice.callTool("task_context", Map.of()).result().path("structuredContent");
		assertThat(direct.path("background").asBoolean()).isFalse();
		assertThat(direct.path("tenant").asString()).isEqualTo("acme");
	}

	@Test
	void toolLeavesWorkToABackgroundFunctionTheCallerCanFollow() {
		McpTestClient tenant = McpTestClient.forLocalServer(this.port).header("X-Tenant", "globex");
		tenant.connect();
		String report = gate();
		String taskId = tenant.callTool("submit_render", Map.of("report", report)).text();
		JsonNode result = tenant.call("tasks/result", Map.of("taskId", taskId));
		assertThat(result.path("content").get(0).path("text").asString()).isEqualTo("rendered " + report);
		assertThat(this.tools.observed().get("render:" + report))
			.isEqualTo("background=true task=" + taskId + " tenant=globex");
		assertThat(this.client.request("tasks/get", Map.of("taskId", taskId)).errorCode()).isEqualTo(-32602);
	}

	@Test
	void elicitationInATaskGoesThroughTasksResultAndTheAnswerLetsItFinish() {
		McpTestClient asker = McpTestClient.forLocalServer(this.port).capabilities(Map.of("elicitation", Map.of()));
		asker.connect();
		JsonNode task = createTask(asker, "task_elicit", Map.of());
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(asker.call("tasks/get", Map.of("taskId", id(task))).path("status").asString())
				.isEqualTo("input_required"));
		try (McpEventStream result = asker.streamRequest("tasks/result", Map.of("taskId", id(task)))) {
			JsonNode request = result.nextMessage((message) -> "elicitation/create".equals(message.path("method").asString()),
					WAIT);
			assertThat(request.path("params").path("message").asString()).isEqualTo("Which region?");
			assertThat(request.path("params").path("requestedSchema").path("properties").has("name")).isTrue();
			assertThat(request.path("params").path("_meta").path(RELATED_TASK).path("taskId").asString())
				.isEqualTo(id(task));
			McpResponse accepted = asker.send(Map.of("jsonrpc", "2.0", "id", request.get("id"), "result",
					Map.of("action", "accept", "content", Map.of("name", "north"))));
			assertThat(accepted.status()).isEqualTo(202);
			JsonNode answer = result.nextMessage((message) -> message.has("result"), WAIT);
			assertThat(answer.path("result").path("content").get(0).path("text").asString()).isEqualTo("accept:north");
		}
		assertThat(asker.call("tasks/get", Map.of("taskId", id(task))).path("status").asString()).isEqualTo("completed");
	}

	@Test
	void elicitationWithoutTheClientCapabilityFailsTheTaskClearly() {
		JsonNode task = createTask("task_elicit", Map.of(), Map.of());
		JsonNode result = result(task).result();
		assertThat(result.path("isError").asBoolean()).isTrue();
		assertThat(result.path("content").get(0).path("text").asString()).contains("elicitation");
	}

	private JsonNode createTask(String tool, Object arguments, Object task) {
		return this.client.call("tools/call", Map.of("name", tool, "arguments", arguments, "task", task)).path("task");
	}

	private static JsonNode createTask(McpTestClient client, String tool, Object arguments) {
		return client.call("tools/call", Map.of("name", tool, "arguments", arguments, "task", Map.of())).path("task");
	}

	private JsonNode get(JsonNode task) {
		return this.client.call("tasks/get", Map.of("taskId", id(task)));
	}

	private McpResponse result(JsonNode task) {
		return this.client.request("tasks/result", Map.of("taskId", id(task)));
	}

	private void awaitStatus(JsonNode task, String status) {
		await().atMost(WAIT).untilAsserted(() -> assertThat(get(task).path("status").asString()).isEqualTo(status));
	}

	private static List<String> listAll(McpTestClient client) {
		List<String> ids = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		while (true) {
			JsonNode page = client.call("tasks/list", params);
			page.path("tasks").forEach((task) -> ids.add(task.path("taskId").asString()));
			if (!page.has("nextCursor")) {
				return ids;
			}
			params.put("cursor", page.path("nextCursor").asString());
		}
	}

	private String taskSupport(String tool) {
		return this.client.tool(tool).path("execution").path("taskSupport").asString();
	}

	private static String id(JsonNode task) {
		return task.path("taskId").asString();
	}

	private static String gate() {
		return "g" + System.nanoTime();
	}

}
