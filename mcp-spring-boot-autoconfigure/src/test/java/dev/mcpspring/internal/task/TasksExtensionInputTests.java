package dev.mcpspring.internal.task;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.app.TaskTools;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Input during a task of the tasks extension, over real HTTP on the in-memory docket: a
 * run that asks waits with its questions as {@code inputRequests} on {@code tasks/get};
 * {@code tasks/update} answers them, partly or wholly, and the task runs again with the
 * answers; a tool can also ask on the call, before its task is created.
 */
@McpServerTest
class TasksExtensionInputTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@LocalServerPort
	private int port;

	@Autowired
	private TaskTools tools;

	@Test
	void taskWaitsWithItsQuestionAndResumesWithTheAnswer() {
		McpTestClient client = client();
		String taskId = create(client, "task_elicit");
		JsonNode waiting = awaitInputRequired(client, taskId);
		JsonNode request = waiting.path("inputRequests").path("elicit-1");
		assertThat(request.path("method").asString()).isEqualTo("elicitation/create");
		assertThat(request.path("params").path("message").asString()).isEqualTo("Which region?");
		assertThat(request.path("params").path("requestedSchema").path("properties").has("name")).isTrue();
		assertThat(waiting.has("result")).isFalse();
		update(client, taskId, Map.of("elicit-1", accept("north")));
		JsonNode done = TasksExtensionTests.awaitTerminal(client, taskId);
		assertThat(done.path("status").asString()).isEqualTo("completed");
		assertThat(done.path("result").path("content").path(0).path("text").asString()).isEqualTo("accept:north");
		assertThat(done.has("inputRequests")).isFalse();
	}

	@Test
	void partialAnswerLeavesOnlyTheOtherQuestionAndUnknownKeysAreIgnored() {
		McpTestClient client = client();
		String taskId = create(client, "task_two_at_once");
		assertThat(awaitInputRequired(client, taskId).path("inputRequests").propertyNames()).containsExactly("region",
				"month");
		update(client, taskId, Map.of("region", accept("north"), "unknown", accept("ignored")));
		JsonNode partly = TasksExtensionTests.get(client, taskId);
		assertThat(partly.path("status").asString()).isEqualTo("input_required");
		assertThat(partly.path("inputRequests").propertyNames()).containsExactly("month");
		update(client, taskId, Map.of("month", accept("july")));
		JsonNode done = TasksExtensionTests.awaitTerminal(client, taskId);
		assertThat(done.path("result").path("content").path(0).path("text").asString()).isEqualTo("north/july");
	}

	@Test
	void eachQuestionOfATaskHasAKeyOfItsOwnAndEachRoundRunsTheToolAgain() {
		McpTestClient client = client();
		String key = UUID.randomUUID().toString();
		String taskId = create(client, "task_two_questions", Map.of("key", key));
		assertThat(awaitInputRequired(client, taskId).path("inputRequests").propertyNames())
			.containsExactly("elicit-1");
		update(client, taskId, Map.of("elicit-1", accept("north")));
		JsonNode second = await().atMost(WAIT)
			.until(() -> TasksExtensionTests.get(client, taskId), (task) -> task.path("inputRequests").has("elicit-2"));
		assertThat(second.path("inputRequests").propertyNames()).containsExactly("elicit-2");
		assertThat(second.path("inputRequests").path("elicit-2").path("params").path("message").asString())
			.isEqualTo("Which month?");
		update(client, taskId, Map.of("elicit-2", accept("july")));
		JsonNode done = TasksExtensionTests.awaitTerminal(client, taskId);
		assertThat(done.path("result").path("content").path(0).path("text").asString()).isEqualTo("north then july");
		assertThat(this.tools.observed().get(key)).isEqualTo("run,run,run");
	}

	@Test
	void answersToATaskThatWaitsForNothingAreIgnored() {
		McpTestClient client = client();
		String taskId = create(client, "task_record", Map.of("a", 1, "b", 2));
		TasksExtensionTests.awaitTerminal(client, taskId);
		update(client, taskId, Map.of("elicit-1", accept("north")));
		assertThat(TasksExtensionTests.get(client, taskId).path("status").asString()).isEqualTo("completed");
	}

	@Test
	void toolThatAsksBeforeItsTaskGetsItsAnswerOnTheCallThenRunsAsATask() {
		McpTestClient client = client();
		McpResponse first = call(client, "task_asks_first", Map.of(), Map.of());
		JsonNode round = first.result();
		assertThat(round.path("resultType").asString()).as(first.toString()).isEqualTo("input_required");
		assertThat(round.has("taskId")).isFalse();
		assertThat(round.path("inputRequests").has("elicit-1")).isTrue();
		Map<String, Object> retry = new LinkedHashMap<>();
		retry.put("inputResponses", Map.of("elicit-1", accept("west")));
		if (round.has("requestState")) {
			retry.put("requestState", round.path("requestState").asString());
		}
		JsonNode created = call(client, "task_asks_first", Map.of(), retry).result();
		TasksExtensionTests.assertCreated(created);
		assertThat(created.has("inputRequests")).isFalse();
		String taskId = created.path("taskId").asString();
		JsonNode done = TasksExtensionTests.awaitTerminal(client, taskId);
		assertThat(done.path("result").path("content").path(0).path("text").asString())
			.isEqualTo("west in task " + taskId);
	}

	@Test
	void taskOfAClientWithoutElicitationFailsWithTheMissingCapability() {
		McpTestClient client = client();
		String taskId = TasksExtensionTests.call(client, "task_elicit", Map.of(), true).result().path("taskId").asString();
		JsonNode done = TasksExtensionTests.awaitTerminal(client, taskId);
		assertThat(done.path("status").asString()).isEqualTo("failed");
		assertThat(done.path("error").path("code").asInt()).isEqualTo(-32021);
		assertThat(done.path("error").path("data").path("requiredCapabilities").has("elicitation")).isTrue();
	}

	@Test
	void answersThatAreNotAnObjectAreInvalidParams() {
		McpTestClient client = client();
		String taskId = create(client, "task_elicit");
		McpResponse response = send(client, "tasks/update", Map.of("taskId", taskId, "inputResponses", "yes"));
		assertThat(response.errorCode()).as(response.toString()).isEqualTo(-32602);
	}

	private JsonNode awaitInputRequired(McpTestClient client, String taskId) {
		return await().atMost(WAIT)
			.until(() -> TasksExtensionTests.get(client, taskId),
					(task) -> "input_required".equals(task.path("status").asString()));
	}

	private static Map<String, Object> accept(String name) {
		return Map.of("action", "accept", "content", Map.of("name", name));
	}

	private static String create(McpTestClient client, String tool) {
		return create(client, tool, Map.of());
	}

	private static String create(McpTestClient client, String tool, Map<String, Object> arguments) {
		JsonNode created = call(client, tool, arguments, Map.of()).result();
		TasksExtensionTests.assertCreated(created);
		return created.path("taskId").asString();
	}

	private static void update(McpTestClient client, String taskId, Map<String, Object> answers) {
		McpResponse ack = send(client, "tasks/update", Map.of("taskId", taskId, "inputResponses", answers));
		assertThat(ack.result().path("resultType").asString()).as(ack.toString()).isEqualTo("complete");
	}

	private static McpResponse call(McpTestClient client, String tool, Map<String, Object> arguments,
			Map<String, Object> more) {
		Map<String, Object> params = new LinkedHashMap<>(more);
		params.put("name", tool);
		params.put("arguments", arguments);
		return send(client, "tools/call", params);
	}

	/**
	 * Sends a stateless request of a client that declared the tasks extension and
	 * elicitation.
	 */
	private static McpResponse send(McpTestClient client, String method, Map<String, Object> params) {
		Object name = params.containsKey("taskId") ? params.get("taskId") : params.get("name");
		return client.stateless(method, name.toString())
			.json(McpTestClient.statelessBody(client.nextId(), method, params,
					Map.of("io.modelcontextprotocol/clientCapabilities",
							Map.of("elicitation", Map.of(), "extensions", Map.of(TasksExtensionTests.EXTENSION,
									Map.of())))))
			.send();
	}

	private McpTestClient client() {
		return McpTestClient.forLocalServer(this.port);
	}

}
