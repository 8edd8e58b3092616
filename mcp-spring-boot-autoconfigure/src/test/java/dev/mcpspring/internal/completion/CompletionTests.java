package dev.mcpspring.internal.completion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code completion/complete} over HTTP: providers for prompt arguments and template
 * variables, enum constants, the 100-value limit and errors.
 */
@McpServerTest
class CompletionTests {

	@LocalServerPort
	private int port;

	private McpTestClient client;

	@BeforeEach
	void connect() {
		this.client = McpTestClient.forLocalServer(this.port);
		this.client.connect();
	}

	@Test
	void initializeOffersCompletions() {
		JsonNode capabilities = McpTestClient.forLocalServer(this.port).connect().get("capabilities");
		assertThat(capabilities.get("completions").isObject()).isTrue();
		assertThat(capabilities.get("completions").isEmpty()).isTrue();
	}

	@Test
	void aPromptArgumentIsCompletedByItsProvider() {
		JsonNode completion = complete(prompt("trip"), "city", "li", null);
		assertThat(values(completion)).containsExactly("Lille");
		assertThat(completion.get("total").asInt()).isEqualTo(1);
		assertThat(completion.get("hasMore").asBoolean()).isFalse();
	}

	@Test
	void theProviderReceivesOtherArgumentsFromTheContext() {
		assertThat(values(complete(prompt("trip"), "city", "", Map.of("country", "France"))))
			.containsExactly("Paris", "Lyon", "Lille");
		assertThat(values(complete(prompt("trip"), "city", "", null))).containsExactly("Lille", "Lyon", "Milan",
				"Paris", "Rome", "Turin");
	}

	@Test
	void atMostOneHundredValuesAreSentWithTheTotalAndHasMore() {
		JsonNode completion = complete(prompt("trip"), "days", "", null);
		assertThat(values(completion)).hasSize(100).startsWith("1", "2", "3");
		assertThat(completion.get("total").asInt()).isEqualTo(150);
		assertThat(completion.get("hasMore").asBoolean()).isTrue();
	}

	@Test
	void aCompletionReturnedByTheProviderIsSentAsIs() {
		JsonNode completion = complete(prompt("trip"), "country", "x", null);
		assertThat(values(completion)).containsExactly("France", "Italy");
		assertThat(completion.get("total").asInt()).isEqualTo(2);
	}

	@Test
	void aResourceTemplateVariableIsCompletedByItsProvider() {
		assertThat(values(complete(resource("reports://{id}"), "id", "", null))).containsExactly("1", "2", "3");
		assertThat(values(complete(resource("reports://{id}"), "id", "2", null))).containsExactly("2");
	}

	@Test
	void anEnumPromptArgumentCompletesToTheConstantsMatchingThePrefix() {
		assertThat(values(complete(prompt("region_summary"), "region", "s", null))).containsExactly("SOUTH");
		assertThat(values(complete(prompt("region_summary"), "region", "", null))).containsExactly("NORTH", "SOUTH",
				"EAST", "WEST");
	}

	@Test
	void anEnumTemplateVariableCompletesToItsConstants() {
		assertThat(values(complete(resource("reports://{region}/{month}"), "region", "W", null)))
			.containsExactly("WEST");
	}

	@Test
	void anArgumentWithoutProviderCompletesToNothing() {
		JsonNode completion = complete(prompt("with_resource"), "uri", "notes", null);
		assertThat(values(completion)).isEmpty();
	}

	@Test
	void anUnknownPromptIsInvalidParams() {
		assertThat(error(prompt("nope"), "city").get("code").asInt()).isEqualTo(-32602);
	}

	@Test
	void anArgumentThePromptDoesNotHaveIsInvalidParams() {
		assertThat(error(prompt("trip"), "weather").get("code").asInt()).isEqualTo(-32602);
	}

	@Test
	void anUnknownResourceTemplateIsInvalidParams() {
		assertThat(error(resource("reports://{nope}"), "nope").get("code").asInt()).isEqualTo(-32602);
	}

	@Test
	void aMalformedReferenceIsInvalidParams() {
		assertThat(error(Map.of("type", "ref/tool", "name", "echo"), "x").get("code").asInt()).isEqualTo(-32602);
	}

	private JsonNode complete(Map<String, String> ref, String argument, String value, Map<String, String> context) {
		return this.client.call("completion/complete", params(ref, argument, value, context)).get("completion");
	}

	private JsonNode error(Map<String, String> ref, String argument) {
		return this.client.request("completion/complete", params(ref, argument, "", null)).error();
	}

	private static Map<String, Object> params(Map<String, String> ref, String argument, String value,
			Map<String, String> context) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("ref", ref);
		params.put("argument", Map.of("name", argument, "value", value));
		if (context != null) {
			params.put("context", Map.of("arguments", context));
		}
		return params;
	}

	private static Map<String, String> prompt(String name) {
		return Map.of("type", "ref/prompt", "name", name);
	}

	private static Map<String, String> resource(String uriTemplate) {
		return Map.of("type", "ref/resource", "uri", uriTemplate);
	}

	private static List<String> values(JsonNode completion) {
		return completion.get("values").valueStream().map(JsonNode::asString).toList();
	}

}
