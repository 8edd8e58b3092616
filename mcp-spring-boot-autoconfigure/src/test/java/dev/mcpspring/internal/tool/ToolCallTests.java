package dev.mcpspring.internal.tool;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.app.ResultTools;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tools/call}: binding arguments of every supported type, validating them,
 * converting results, and reporting failures as tool errors.
 */
@McpServerTest
class ToolCallTests {

	@LocalServerPort
	private int port;

	private McpTestClient client;

	@BeforeEach
	void connect() {
		this.client = McpTestClient.forLocalServer(this.port);
		this.client.connect();
	}

	// arguments

	@Test
	void primitiveArgumentsAreBound() {
		McpResponse response = this.client.callTool("primitives",
				Map.of("count", 3, "big", 9_000_000_000L, "ratio", 0.25, "flag", true));
		assertThat(response.text()).isEqualTo("count=3 big=9000000000 ratio=0.25 flag=true");
	}

	@Test
	void enumArgumentIsBound() {
		assertThat(this.client.callTool("enum_arg", Map.of("priority", "HIGH")).text()).isEqualTo("priority=HIGH");
	}

	@Test
	void unknownEnumConstantIsToolErrorNamingTheArgument() {
		McpResponse response = this.client.callTool("enum_arg", Map.of("priority", "URGENT"));
		assertToolError(response, "priority");
	}

	@Test
	void recordArgumentWithNestedRecordIsBound() {
		McpResponse response = this.client.callTool("record_arg", Map.of("customer",
				Map.of("name", "Ada", "priority", "LOW", "address", Map.of("city", "London", "zip", "12345"))));
		assertThat(response.isToolError()).as(response.toString()).isFalse();
		assertThat(response.text()).isEqualTo("Ada (LOW) lives in London");
	}

	@Test
	void pojoArgumentIsBound() {
		McpResponse response = this.client.callTool("pojo_arg",
				Map.of("order", Map.of("item", "tea", "quantity", 2)));
		assertThat(response.text()).isEqualTo("2 x tea");
	}

	@Test
	void listArgumentsAreBound() {
		McpResponse response = this.client.callTool("list_arg", Map.of("tags", List.of("a", "b"), "stops",
				List.of(Map.of("city", "Rome"), Map.of("city", "Paris"))));
		assertThat(response.text()).isEqualTo("a,b / Rome,Paris");
	}

	@Test
	void mapArgumentIsBound() {
		assertThat(this.client.callTool("map_arg", Map.of("counts", Map.of("a", 1, "b", 2))).text())
			.isEqualTo("total=3");
	}

	@Test
	void optionalArgumentsMayBeLeftOut() {
		assertThat(this.client.callTool("optional_arg", Map.of()).text()).isEqualTo("nickname=<none> limit=null");
		assertThat(this.client.callTool("optional_arg", null).text()).isEqualTo("nickname=<none> limit=null");
		assertThat(this.client.callTool("optional_arg", Map.of("nickname", "Al", "limit", 3)).text())
			.isEqualTo("nickname=Al limit=3");
	}

	@Test
	void missingRequiredArgumentIsToolErrorNamingTheArgument() {
		McpResponse response = this.client.callTool("echo", Map.of());
		assertToolError(response, "text");
		assertThat(response.text()).containsIgnoringCase("missing");
	}

	@Test
	void nullForRequiredArgumentIsToolErrorNamingTheArgument() {
		Map<String, Object> arguments = new HashMap<>();
		arguments.put("text", null);
		assertToolError(this.client.callTool("echo", arguments), "text");
	}

	@Test
	void unbindableArgumentIsToolErrorNamingTheArgument() {
		McpResponse response = this.client.callTool("primitives",
				Map.of("count", "many", "big", 1, "ratio", 1.0, "flag", true));
		assertToolError(response, "count");
	}

	@Test
	void bindingErrorsNameThePathAndTheExpectedTypeWithoutJavaClassNames() {
		McpResponse count = this.client.callTool("primitives", Map.of("count", "many", "big", 1, "ratio", 1.0, "flag", true));
		assertThat(count.text()).isEqualTo("Invalid value for argument 'count': expected an integer");
		McpResponse priority = this.client.callTool("enum_arg", Map.of("priority", "URGENT"));
		assertThat(priority.text()).startsWith("Invalid value for argument 'priority': expected one of [")
			.doesNotContain("dev.mcpspring");
		McpResponse customer = this.client.callTool("record_arg", Map.of("customer", List.of(1, 2)));
		assertThat(customer.text()).isEqualTo("Invalid value for argument 'customer': expected an object");
		McpResponse nested = this.client.callTool("record_arg",
				Map.of("customer", Map.of("name", "Ada", "address", Map.of("street", List.of(1)))));
		assertThat(nested.text()).isEqualTo("Invalid value for argument 'customer.address.street': expected a string");
	}

	@Test
	void wrongShapeForRecordArgumentIsToolErrorNamingTheArgument() {
		assertToolError(this.client.callTool("record_arg", Map.of("customer", List.of(1, 2))), "customer");
	}

	@Test
	void constraintViolationOnParameterIsToolErrorNamingTheArgument() {
		McpResponse response = this.client.callTool("constrained_params",
				Map.of("rating", 9, "title", "ok", "code", "ABC", "email", "a@example.com"));
		assertToolError(response, "rating");
		assertThat(response.text()).doesNotContain("title").doesNotContain("email");
	}

	@Test
	void everyViolatedParameterIsNamed() {
		McpResponse response = this.client.callTool("constrained_params",
				Map.of("rating", 0, "title", " ", "code", "abc", "email", "not-an-email"));
		assertToolError(response, "rating");
		assertThat(response.text()).contains("title").contains("code").contains("email");
	}

	@Test
	void validArgumentsPassConstraints() {
		McpResponse response = this.client.callTool("constrained_params",
				Map.of("rating", 5, "title", "Fine", "code", "XYZ", "email", "a@example.com"));
		assertThat(response.isToolError()).as(response.toString()).isFalse();
		assertThat(response.text()).isEqualTo("5 Fine XYZ a@example.com");
	}

	@Test
	void constraintViolationInRecordFieldIsToolErrorNamingArgumentAndField() {
		McpResponse response = this.client.callTool("constrained_record",
				Map.of("booking", Map.of("guest", "Bo", "nights", 30, "rooms", List.of("101"))));
		assertToolError(response, "booking.nights");
		assertThat(response.text()).doesNotContain("booking.guest");
	}

	@Test
	void constraintViolationInNestedRecordIsToolErrorNamingThePath() {
		McpResponse response = this.client.callTool("record_arg", Map.of("customer",
				Map.of("name", "Ada", "address", Map.of("city", "London", "zip", "ABC"))));
		assertToolError(response, "customer.address.zip");
	}

	@Test
	void validRecordPassesConstraints() {
		McpResponse response = this.client.callTool("constrained_record",
				Map.of("booking", Map.of("guest", "Bo", "nights", 3, "rooms", List.of("101"))));
		assertThat(response.isToolError()).as(response.toString()).isFalse();
		assertThat(response.text()).isEqualTo("Bo stays 3 nights");
	}

	@Test
	void unknownToolIsInvalidParams() {
		McpResponse response = this.client.callTool("no_such_tool", Map.of());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.errorCode()).isEqualTo(-32602);
		assertThat(response.error().path("message").asString()).contains("no_such_tool");
	}

	// results

	@Test
	void stringResultIsTextContent() {
		JsonNode result = this.client.callTool("echo", Map.of("text", "hi")).result();
		assertThat(result.path("content")).hasSize(1);
		assertThat(result.at("/content/0/type").asString()).isEqualTo("text");
		assertThat(result.at("/content/0/text").asString()).isEqualTo("hi");
		assertThat(result.has("structuredContent")).isFalse();
		assertThat(result.path("isError").asBoolean(false)).isFalse();
	}

	@Test
	void recordResultIsStructuredContentAndJsonText() {
		JsonNode result = this.client.callTool("weather", Map.of("city", "Oslo")).result();
		JsonNode structured = result.path("structuredContent");
		assertThat(structured.path("city").asString()).isEqualTo("Oslo");
		assertThat(structured.path("temperature").asDouble()).isEqualTo(21.5);
		assertThat(structured.path("sunny").asBoolean()).isTrue();
		assertThat(result.at("/content/0/type").asString()).isEqualTo("text");
		assertThat(McpTestClient.JSON.readTree(result.at("/content/0/text").asString())).isEqualTo(structured);
	}

	@Test
	void completableFutureResultIsAwaited() {
		JsonNode result = this.client.callTool("future_weather", Map.of("city", "Rome")).result();
		assertThat(result.path("structuredContent").path("city").asString()).isEqualTo("Rome");
		assertThat(result.path("structuredContent").path("sunny").asBoolean()).isFalse();
	}

	@Test
	void failedFutureIsToolErrorWithItsMessage() {
		McpResponse response = this.client.callTool("failed_future", null);
		assertThat(response.isToolError()).isTrue();
		assertThat(response.text()).isEqualTo("The forecast service is down");
	}

	@Test
	void imageResultIsImageContent() {
		JsonNode content = this.client.callTool("image", null).result().path("content");
		assertThat(content).hasSize(1);
		assertThat(content.at("/0/type").asString()).isEqualTo("image");
		assertThat(content.at("/0/mimeType").asString()).isEqualTo("image/png");
		assertThat(Base64.getDecoder().decode(content.at("/0/data").asString())).isEqualTo(ResultTools.PNG);
	}

	@Test
	void audioResultIsAudioContent() {
		JsonNode content = this.client.callTool("audio", null).result().path("content");
		assertThat(content.at("/0/type").asString()).isEqualTo("audio");
		assertThat(content.at("/0/mimeType").asString()).isEqualTo("audio/wav");
		assertThat(Base64.getDecoder().decode(content.at("/0/data").asString())).isEqualTo(ResultTools.WAV);
	}

	@Test
	void embeddedResourceResultIsResourceContent() {
		JsonNode block = this.client.callTool("embedded_resource", null).result().at("/content/0");
		assertThat(block.path("type").asString()).isEqualTo("resource");
		assertThat(block.at("/resource/uri").asString()).isEqualTo("test://notes/1");
		assertThat(block.at("/resource/mimeType").asString()).isEqualTo("text/plain");
		assertThat(block.at("/resource/text").asString()).isEqualTo("A note");
	}

	@Test
	void mixedContentKeepsEveryBlockInOrder() {
		JsonNode content = this.client.callTool("mixed_content", null).result().path("content");
		assertThat(content.valueStream().map((block) -> block.path("type").asString()))
			.containsExactly("text", "image", "resource", "resource_link");
		assertThat(content.at("/2/resource/blob").asString())
			.isEqualTo(Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3 }));
		assertThat(content.at("/3/uri").asString()).isEqualTo("test://notes/2");
		assertThat(content.at("/3/name").asString()).isEqualTo("note-2");
	}

	@Test
	void voidResultIsEmptyContent() {
		JsonNode result = this.client.callTool("void_result", null).result();
		assertThat(result.path("content").isArray()).isTrue();
		assertThat(result.path("content")).isEmpty();
		assertThat(result.path("isError").asBoolean(false)).isFalse();
	}

	@Test
	void listResultIsJsonTextWithoutStructuredContent() {
		JsonNode result = this.client.callTool("list_result", null).result();
		assertThat(result.at("/content/0/text").asString()).isEqualTo("[\"a\",\"b\",\"c\"]");
		assertThat(result.has("structuredContent")).isFalse();
	}

	@Test
	void numberResultIsText() {
		assertThat(this.client.callTool("number_result", null).text()).isEqualTo("42");
	}

	// progress

	@Test
	void progressNotificationsCarryTokenIncreasingProgressTotalAndMessage() {
		McpResponse response = this.client.callTool("progress", Map.of("steps", 3), "progress-1");
		List<JsonNode> progress = response.notifications("notifications/progress");
		assertThat(progress).hasSize(3);
		for (int i = 0; i < 3; i++) {
			JsonNode params = progress.get(i).path("params");
			assertThat(params.path("progressToken").asString()).isEqualTo("progress-1");
			assertThat(params.path("progress").asDouble()).isEqualTo(i + 1);
			assertThat(params.path("total").asDouble()).isEqualTo(3);
			assertThat(params.path("message").asString()).isEqualTo("step " + (i + 1));
		}
		assertThat(response.text()).isEqualTo("done 3");
	}

	@Test
	void numericProgressTokenIsEchoedAsNumber() {
		JsonNode params = this.client.callTool("progress", Map.of("steps", 1), 77)
			.notifications("notifications/progress")
			.get(0)
			.path("params");
		assertThat(params.path("progressToken").isIntegralNumber()).as(params.toString()).isTrue();
		assertThat(params.path("progressToken").asInt()).isEqualTo(77);
	}

	@Test
	void noProgressIsSentWithoutProgressToken() {
		McpResponse response = this.client.callTool("progress", Map.of("steps", 3));
		assertThat(response.isJson()).as(response.toString()).isTrue();
		assertThat(response.notifications()).isEmpty();
		assertThat(response.text()).isEqualTo("done 3");
	}

	// failures

	@Test
	void exceptionIsToolErrorWithMessageAndNoStackTrace() {
		McpResponse response = this.client.callTool("fail", Map.of("message", "The database is on fire"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.isToolError()).isTrue();
		assertThat(response.text()).isEqualTo("The database is on fire");
		assertThat(response.body()).doesNotContain("IllegalStateException")
			.doesNotContain("\tat ")
			.doesNotContain(".java:")
			.doesNotContain("InteractionTools");
	}

	@Test
	void toolErrorDoesNotEndTheSession() {
		this.client.callTool("fail", Map.of("message", "x"));
		assertThat(this.client.callTool("echo", Map.of("text", "after")).text()).isEqualTo("after");
	}

	private static void assertToolError(McpResponse response, String argument) {
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.findResponse()).isPresent();
		assertThat(response.response().has("error")).as("a tool error is a result, not a JSON-RPC error: %s", response)
			.isFalse();
		assertThat(response.isToolError()).as(response.toString()).isTrue();
		assertThat(response.text()).contains(argument);
		assertThat(response.body()).doesNotContain("\tat ").doesNotContain(".java:");
	}

}
