package dev.mcpspring.internal.task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.tasks.Docket;
import dev.mcpspring.tasks.TaskSpec;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.app.TaskTools;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tasks extension {@code io.modelcontextprotocol/tasks} of protocol 2026-07-28 over
 * real HTTP: its capability, which calls run as tasks, the flat
 * {@code CreateTaskResult}, {@code tasks/get} with the outcome inline,
 * {@code tasks/update} and {@code tasks/cancel} acknowledgements, the errors of the wire,
 * and who may see a task.
 */
@McpServerTest
class TasksExtensionTests {

	static final String EXTENSION = "io.modelcontextprotocol/tasks";

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final List<String> TERMINAL = List.of("completed", "failed", "cancelled");

	@LocalServerPort
	private int port;

	@Autowired
	private TaskTools tools;

	@Autowired
	private Docket docket;

	@Test
	void discoverAdvertisesTheExtensionInsteadOfTasks() {
		JsonNode capabilities = send(client(), "server/discover", Map.of(), false).result().path("capabilities");
		assertThat(capabilities.path("extensions").path(EXTENSION).isObject()).isTrue();
		assertThat(capabilities.has("tasks")).isFalse();
	}

	@Test
	void optionalToolRunsAsATaskForADeclaringClient() {
		McpTestClient client = client();
		Instant before = Instant.now().minusSeconds(1);
		JsonNode created = call(client, "task_record", Map.of("a", 2, "b", 3), true).result();
		assertCreated(created);
		assertThat(Instant.parse(created.path("createdAt").asString())).isAfter(before);
		JsonNode done = awaitTerminal(client, created.path("taskId").asString());
		assertThat(done.path("resultType").asString()).isEqualTo("complete");
		assertThat(done.path("status").asString()).isEqualTo("completed");
		assertThat(done.path("result").path("structuredContent").path("total").asInt()).isEqualTo(5);
		assertThat(done.path("result").path("resultType").asString()).isEqualTo("complete");
		assertThat(done.path("result").path("_meta").has(McpTasksFeature.RELATED_TASK)).isFalse();
		assertThat(done.has("error")).isFalse();
		assertThat(done.path("ttlMs").asLong()).isGreaterThanOrEqualTo(Duration.ofMinutes(2).toMillis());
	}

	@Test
	void optionalToolRunsInlineForAClientThatDidNotDeclareTheExtension() {
		McpResponse response = call(client(), "task_record", Map.of("a", 2, "b", 3), false);
		assertThat(response.result().path("resultType").asString()).isEqualTo("complete");
		assertThat(response.result().has("taskId")).isFalse();
		assertThat(response.result().path("structuredContent").path("total").asInt()).isEqualTo(5);
	}

	@Test
	void requiredToolRunsAsATaskForADeclaringClient() {
		McpTestClient client = client();
		JsonNode created = call(client, "task_only", Map.of(), true).result();
		assertCreated(created);
		JsonNode done = awaitTerminal(client, created.path("taskId").asString());
		assertThat(done.path("status").asString()).isEqualTo("completed");
		assertThat(done.path("result").path("content").path(0).path("text").asString()).isEqualTo("ran as a task");
	}

	@Test
	void requiredToolIsRefusedWithoutTheExtension() {
		McpResponse response = call(client(), "task_only", Map.of(), false);
		assertError(response, 400, -32021);
		assertThat(response.error().at("/data/requiredCapabilities/extensions").has(EXTENSION)).isTrue();
	}

	@Test
	void legacyTaskParamDoesNotMakeAForbiddenToolATask() {
		McpTestClient client = client();
		McpResponse response = send(client, "tools/call",
				Map.of("name", "echo", "arguments", Map.of("text", "direct"), "task", Map.of("ttl", 60000)), true);
		assertThat(response.result().path("resultType").asString()).isEqualTo("complete");
		assertThat(response.text()).isEqualTo("direct");
	}

	@Test
	void toolErrorEndsCompletedWithTheResult() {
		McpTestClient client = client();
		JsonNode done = awaitTerminal(client, call(client, "task_fail", Map.of(), true).result().path("taskId").asString());
		assertThat(done.path("status").asString()).isEqualTo("completed");
		assertThat(done.path("result").path("isError").asBoolean()).isTrue();
		assertThat(done.has("error")).isFalse();
	}

	@Test
	void protocolErrorEndsFailedWithTheError() {
		McpTestClient client = client();
		JsonNode done = awaitTerminal(client,
				call(client, "task_rpc_error", Map.of(), true).result().path("taskId").asString());
		assertThat(done.path("status").asString()).isEqualTo("failed");
		assertThat(done.path("error").path("code").asInt()).isEqualTo(-32602);
		assertThat(done.path("error").path("message").asString()).contains("task_rpc_error");
		assertThat(done.has("result")).isFalse();
	}

	@Test
	void cancelIsAnEmptyAcknowledgementAlsoOnAFinishedTask() {
		McpTestClient client = client();
		String key = UUID.randomUUID().toString();
		String taskId = call(client, "task_block", Map.of("key", key), true).result().path("taskId").asString();
		await().atMost(WAIT).until(() -> this.tools.observed().containsKey(key));
		assertAck(send(client, "tasks/cancel", Map.of("taskId", taskId), true));
		JsonNode cancelled = awaitTerminal(client, taskId);
		assertThat(cancelled.path("status").asString()).isEqualTo("cancelled");
		await().atMost(WAIT).until(() -> this.tools.observed().get(key).startsWith("interrupted"));
		assertAck(send(client, "tasks/cancel", Map.of("taskId", taskId), true));
		assertThat(get(client, taskId).path("status").asString()).isEqualTo("cancelled");
	}

	@Test
	void updateIsAnEmptyAcknowledgementIgnoringUnknownKeys() {
		McpTestClient client = client();
		String taskId = call(client, "task_record", Map.of("a", 1, "b", 1), true).result().path("taskId").asString();
		assertAck(send(client, "tasks/update",
				Map.of("taskId", taskId, "inputResponses", Map.of("unknown-key", Map.of("ignored", true))), true));
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasks/get", "tasks/update", "tasks/cancel" })
	void taskMethodsNeedTheExtensionBeforeTheTaskIsLookedUp(String method) {
		McpResponse response = send(client(), method, Map.of("taskId", "no-such-task", "inputResponses", Map.of()),
				false);
		assertError(response, 400, -32021);
		assertThat(response.error().at("/data/requiredCapabilities/extensions").has(EXTENSION)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasks/get", "tasks/update", "tasks/cancel" })
	void unknownTaskIsInvalidParams(String method) {
		assertError(send(client(), method, Map.of("taskId", "no-such-task", "inputResponses", Map.of()), true), 200,
				-32602);
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasks/list", "tasks/result" })
	void tasksListAndResultAreNotOnThisWire(String method) {
		assertError(send(client(), method, Map.of("taskId", "no-such-task"), true), 404, -32601);
	}

	@Test
	void mcpNameMustBeTheTaskId() {
		McpTestClient client = client();
		String taskId = call(client, "task_record", Map.of("a", 1, "b", 2), true).result().path("taskId").asString();
		McpResponse mismatched = client.stateless("tasks/get", "another-task")
			.json(McpTestClient.statelessBody(client.nextId(), "tasks/get", Map.of("taskId", taskId), declaring()))
			.send();
		assertError(mismatched, 400, -32020);
		assertThat(send(client, "tasks/get", Map.of("taskId", taskId), true).result().path("taskId").asString())
			.isEqualTo(taskId);
	}

	@Test
	void taskOfAnAuthenticatedCallerIsHisAlone() {
		McpTestClient alice = client().basicAuth("alice", "password");
		String taskId = call(alice, "task_record", Map.of("a", 1, "b", 2), true).result().path("taskId").asString();
		assertThat(get(alice, taskId).path("taskId").asString()).isEqualTo(taskId);
		assertError(send(client().basicAuth("bob", "password"), "tasks/get", Map.of("taskId", taskId), true), 200,
				-32602);
		assertError(send(client(), "tasks/get", Map.of("taskId", taskId), true), 200, -32602);
		assertError(send(client().basicAuth("bob", "password"), "tasks/cancel", Map.of("taskId", taskId), true), 200,
				-32602);
	}

	@Test
	void anonymousTaskIsReachableByItsIdButNotFromASessionOrAPrincipal() {
		McpTestClient anonymous = client();
		String taskId = call(anonymous, "task_record", Map.of("a", 1, "b", 2), true).result().path("taskId")
			.asString();
		assertThat(get(client(), taskId).path("taskId").asString()).isEqualTo(taskId);
		assertError(send(client().basicAuth("alice", "password"), "tasks/get", Map.of("taskId", taskId), true), 200,
				-32602);
		McpTestClient session = client();
		session.connect();
		assertThat(session.request("tasks/get", Map.of("taskId", taskId)).errorCode()).isEqualTo(-32602);
	}

	@Test
	void ownerlessTaskTheApplicationSubmittedIsNotReachable() {
		String taskId = this.docket.submit(TaskSpec.builder("report:render").arguments(Map.of()).build()).id();
		assertError(send(client(), "tasks/get", Map.of("taskId", taskId), true), 200, -32602);
		assertError(send(client(), "tasks/cancel", Map.of("taskId", taskId), true), 200, -32602);
	}

	@Test
	void taskOfASessionIsNotReachableOnTheStatelessWire() {
		McpTestClient session = client();
		session.connect();
		String taskId = session.request("tools/call",
				Map.of("name", "task_record", "arguments", Map.of("a", 1, "b", 2), "task", Map.of()))
			.result()
			.path("task")
			.path("taskId")
			.asString();
		assertError(send(client(), "tasks/get", Map.of("taskId", taskId), true), 200, -32602);
	}

	static void assertCreated(JsonNode created) {
		assertThat(created.path("resultType").asString()).as(created.toString()).isEqualTo("task");
		assertThat(created.path("taskId").asString()).hasSizeGreaterThanOrEqualTo(32);
		assertThat(created.path("status").asString()).isIn("working", "completed", "failed");
		assertThat(created.path("createdAt").asString()).isNotEmpty();
		assertThat(created.path("lastUpdatedAt").asString()).isNotEmpty();
		assertThat(created.path("ttlMs").isIntegralNumber()).isTrue();
		assertThat(created.path("ttlMs").asLong()).isPositive();
		assertThat(created.path("pollIntervalMs").asLong()).isEqualTo(250);
		assertThat(created.has("task")).isFalse();
		assertThat(created.has("ttl")).isFalse();
		assertThat(created.has("pollInterval")).isFalse();
		assertThat(created.has("result")).isFalse();
		assertThat(created.has("requestState")).isFalse();
	}

	private static void assertAck(McpResponse response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode result = response.result();
		assertThat(result.path("resultType").asString()).isEqualTo("complete");
		assertThat(result.has("taskId")).isFalse();
		assertThat(result.has("status")).isFalse();
	}

	private static void assertError(McpResponse response, int status, int code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.errorCode()).as(response.toString()).isEqualTo(code);
	}

	static JsonNode awaitTerminal(McpTestClient client, String taskId) {
		return await().atMost(WAIT)
			.until(() -> get(client, taskId), (task) -> TERMINAL.contains(task.path("status").asString()));
	}

	static JsonNode get(McpTestClient client, String taskId) {
		return send(client, "tasks/get", Map.of("taskId", taskId), true).result();
	}

	static McpResponse call(McpTestClient client, String tool, Map<String, Object> arguments, boolean declared) {
		return send(client, "tools/call", Map.of("name", tool, "arguments", arguments), declared);
	}

	/**
	 * Sends a stateless request, with {@code Mcp-Name} the tool's name or the task id,
	 * declaring the tasks extension or no capability at all.
	 */
	static McpResponse send(McpTestClient client, String method, Map<String, Object> params, boolean declared) {
		Object name = params.containsKey("taskId") ? params.get("taskId") : params.get("name");
		return client.stateless(method, (name != null) ? name.toString() : null)
			.json(McpTestClient.statelessBody(client.nextId(), method, params, declared ? declaring() : Map.of()))
			.send();
	}

	private static Map<String, Object> declaring() {
		return Map.of("io.modelcontextprotocol/clientCapabilities", Map.of("extensions", Map.of(EXTENSION, Map.of())));
	}

	private McpTestClient client() {
		return McpTestClient.forLocalServer(this.port);
	}

}
