package dev.mcpspring.internal.protocol;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input-required rounds of 2026-07-28 requests over real HTTP: a tool, a prompt and a
 * resource asking the client for input, answers carried back by key and in the sealed
 * {@code requestState}, and the same tool serving a 2025 session through requests on its
 * stream.
 */
@SpringBootTest(classes = InputRoundsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class InputRequiredRoundTests {

	private static final Map<String, Object> ALL = Map.of("elicitation", Map.of(), "sampling", Map.of(), "roots",
			Map.of());

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	@Autowired
	private InputRoundsApplication.InputTools tools;

	@Test
	void batchIsAskedInOneRoundAndAnsweredByKey() {
		JsonNode first = call("tools/call", "batch", Map.of(), null, null, ALL).result();
		assertThat(first.path("resultType").asString()).isEqualTo("input_required");
		assertThat(first.has("ttlMs")).isFalse();
		assertThat(first.has("cacheScope")).isFalse();
		assertThat(first.path("requestState").isString()).isTrue();
		JsonNode requests = first.path("inputRequests");
		assertThat(requests.propertyNames()).containsExactly("name", "summary", "roots");
		assertThat(requests.path("name").path("method").asString()).isEqualTo("elicitation/create");
		assertThat(requests.path("name").path("params").path("message").asString()).isEqualTo("Your name?");
		assertThat(requests.path("summary").path("method").asString()).isEqualTo("sampling/createMessage");
		assertThat(requests.path("roots").path("method").asString()).isEqualTo("roots/list");
		McpResponse second = call("tools/call", "batch", Map.of(), allAnswers(), first.path("requestState").asString(),
				ALL);
		assertThat(second.result().path("resultType").asString()).isEqualTo("complete");
		assertThat(second.text()).isEqualTo("Ada/short/file:///work");
	}

	@Test
	void answersComeBackWithoutStateToo() {
		McpResponse response = call("tools/call", "batch", Map.of(), allAnswers(), null, ALL);
		assertThat(response.text()).isEqualTo("Ada/short/file:///work");
	}

	@Test
	void missingOrWrongKeysAreAskedAgainAndExtraKeysIgnored() {
		Map<String, Object> answers = new LinkedHashMap<>(allAnswers());
		answers.remove("summary");
		answers.put("unknown", Map.of("x", 1));
		answers.put("name", 12345);
		JsonNode result = call("tools/call", "batch", Map.of(), answers, null, ALL).result();
		assertThat(result.path("resultType").asString()).isEqualTo("input_required");
		assertThat(result.path("inputRequests").propertyNames()).containsExactly("name", "summary");
	}

	@Test
	void multiRoundCarriesEarlierAnswersInTheStateAndRunsTheToolAgain() {
		int runs = this.tools.twoRoundsRuns.get();
		Map<String, Object> arguments = Map.of("topic", "art");
		JsonNode first = call("tools/call", "two_rounds", arguments, null, null, ALL).result();
		assertThat(first.path("inputRequests").propertyNames()).containsExactly("elicit-1");
		JsonNode second = call("tools/call", "two_rounds", arguments, Map.of("elicit-1", accept("name", "Ada")),
				first.path("requestState").asString(), ALL)
			.result();
		assertThat(second.path("resultType").asString()).isEqualTo("input_required");
		assertThat(second.path("inputRequests").propertyNames()).containsExactly("color");
		assertThat(second.path("requestState").asString()).isNotEqualTo(first.path("requestState").asString());
		McpResponse third = call("tools/call", "two_rounds", arguments, Map.of("color", accept("color", "blue")),
				second.path("requestState").asString(), ALL);
		assertThat(third.text()).isEqualTo("art: Ada likes blue");
		assertThat(third.result().path("resultType").asString()).isEqualTo("complete");
		assertThat(this.tools.twoRoundsRuns.get() - runs).isEqualTo(3);
	}

	@Test
	void tamperedStateIsInvalidParams() {
		String state = call("tools/call", "batch", Map.of(), null, null, ALL).result().path("requestState").asString();
		int middle = state.length() / 2;
		String tampered = state.substring(0, middle) + ((state.charAt(middle) == 'A') ? 'B' : 'A')
				+ state.substring(middle + 1);
		McpResponse response = call("tools/call", "batch", Map.of(), allAnswers(), tampered, ALL);
		assertThat(response.errorCode()).isEqualTo(-32602);
		assertThat(call("tools/call", "batch", Map.of(), allAnswers(), "not-a-state", ALL).errorCode())
			.isEqualTo(-32602);
	}

	@Test
	void stateIsBoundToTheToolAndItsArguments() {
		JsonNode first = call("tools/call", "two_rounds", Map.of("topic", "art"), null, null, ALL).result();
		String state = first.path("requestState").asString();
		McpResponse otherArguments = call("tools/call", "two_rounds", Map.of("topic", "law"),
				Map.of("elicit-1", accept("name", "Ada")), state, ALL);
		assertThat(otherArguments.errorCode()).isEqualTo(-32602);
		McpResponse otherTool = call("tools/call", "batch", Map.of(), allAnswers(), state, ALL);
		assertThat(otherTool.errorCode()).isEqualTo(-32602);
	}

	@Test
	void inputResponsesMustBeAnObject() {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("name", "batch");
		params.put("arguments", Map.of());
		params.put("inputResponses", List.of(1));
		McpResponse response = send("tools/call", "batch", params, ALL);
		assertThat(response.errorCode()).isEqualTo(-32602);
	}

	@Test
	void undeclaredCapabilityIsRefused() {
		McpResponse response = call("tools/call", "batch", Map.of(), null, null,
				Map.of("elicitation", Map.of(), "sampling", Map.of()));
		assertThat(response.errorCode()).isEqualTo(-32021);
		assertThat(response.body()).contains("roots");
	}

	@Test
	void promptAsksInRounds() {
		JsonNode first = call("prompts/get", "moody", null, null, null, ALL).result();
		assertThat(first.path("resultType").asString()).isEqualTo("input_required");
		assertThat(first.path("inputRequests").propertyNames()).containsExactly("mood");
		McpResponse second = call("prompts/get", "moody", null, Map.of("mood", accept("mood", "calm")),
				first.path("requestState").asString(), ALL);
		assertThat(second.result().path("messages").get(0).path("content").path("text").asString())
			.isEqualTo("Mood: calm");
	}

	@Test
	void resourceAsksInRoundsAndItsAnsweredReadIsNotCached() {
		JsonNode first = call("resources/read", "answers://latest", null, null, null, ALL).result();
		assertThat(first.path("resultType").asString()).isEqualTo("input_required");
		assertThat(first.has("ttlMs")).isFalse();
		JsonNode second = call("resources/read", "answers://latest", null, Map.of("what", accept("what", "all")),
				first.path("requestState").asString(), ALL)
			.result();
		assertThat(second.path("contents").get(0).path("text").asString()).isEqualTo("Shown: all");
		assertThat(second.path("ttlMs").asLong()).isZero();
		assertThat(second.path("cacheScope").asString()).isEqualTo("private");
	}

	@Test
	void legacySessionGetsTheSameQuestionsOnItsStream() {
		McpTestClient client = McpTestClient.forLocalServer(this.port).capabilities(ALL);
		client.connect();
		try (McpEventStream call = client.streamRequest("tools/call", Map.of("name", "batch", "arguments", Map.of()))) {
			Map<String, JsonNode> byMethod = new LinkedHashMap<>();
			for (int i = 0; i < 3; i++) {
				JsonNode request = call.nextMessage((message) -> message.has("method") && message.has("id"), WAIT);
				byMethod.put(request.path("method").asString(), request);
			}
			assertThat(byMethod).containsOnlyKeys("elicitation/create", "sampling/createMessage", "roots/list");
			Map<String, Object> answers = allAnswers();
			client.send(Map.of("jsonrpc", "2.0", "id", byMethod.get("roots/list").get("id"), "result",
					answers.get("roots")));
			client.send(Map.of("jsonrpc", "2.0", "id", byMethod.get("sampling/createMessage").get("id"), "result",
					answers.get("summary")));
			client.send(Map.of("jsonrpc", "2.0", "id", byMethod.get("elicitation/create").get("id"), "result",
					answers.get("name")));
			JsonNode response = call.nextMessage((message) -> message.has("result"), WAIT);
			assertThat(response.path("result").path("content").get(0).path("text").asString())
				.isEqualTo("Ada/short/file:///work");
		}
	}

	private McpResponse call(String method, String name, Map<String, Object> arguments,
			Map<String, Object> answers, String state, Map<String, Object> capabilities) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("resources/read".equals(method) ? "uri" : "name", name);
		if (arguments != null) {
			params.put("arguments", arguments);
		}
		if (answers != null) {
			params.put("inputResponses", answers);
		}
		if (state != null) {
			params.put("requestState", state);
		}
		return send(method, name, params, capabilities);
	}

	private McpResponse send(String method, String name, Map<String, Object> params,
			Map<String, Object> capabilities) {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		return client.stateless(method, name)
			.json(McpTestClient.statelessBody(client.nextId(), method, params,
					Map.of("io.modelcontextprotocol/clientCapabilities", capabilities)))
			.send();
	}

	static Map<String, Object> allAnswers() {
		Map<String, Object> answers = new LinkedHashMap<>();
		answers.put("name", accept("name", "Ada"));
		answers.put("summary",
				Map.of("role", "assistant", "content", Map.of("type", "text", "text", "short"), "model", "m"));
		answers.put("roots", Map.of("roots", List.of(Map.of("uri", "file:///work", "name", "work"))));
		return answers;
	}

	static Map<String, Object> accept(String field, String value) {
		return Map.of("action", "accept", "content", Map.of(field, value));
	}

}
