package dev.mcpspring.internal.prompt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.GetPromptResult;
import dev.mcpspring.McpPromptHandler;
import dev.mcpspring.McpPromptRegistry;
import dev.mcpspring.Prompt;
import dev.mcpspring.PromptMessage;
import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.app.TripPrompts;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code prompts/list} and {@code prompts/get} over HTTP: arguments, content types,
 * errors and list changes.
 */
@McpServerTest
class PromptsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	@Autowired
	private McpPromptRegistry registry;

	private McpTestClient client;

	@BeforeEach
	void connect() {
		this.client = McpTestClient.forLocalServer(this.port);
		this.client.connect();
	}

	@Test
	void initializeOffersPromptsWithListChanged() {
		JsonNode capabilities = McpTestClient.forLocalServer(this.port).connect().get("capabilities");
		assertThat(capabilities.get("prompts").get("listChanged").asBoolean()).isTrue();
	}

	@Test
	void promptsListListsPromptsWithTheirArguments() {
		List<JsonNode> prompts = listAll();
		assertThat(prompts).extracting((prompt) -> prompt.get("name").asString())
			.containsExactly("described", "greeting", "region_summary", "session_prompt", "trip", "with_image",
					"with_resource");
		JsonNode greeting = prompts.get(1);
		assertThat(greeting.get("title").asString()).isEqualTo("Greeting");
		assertThat(greeting.get("description").asString()).isEqualTo("Says hello");
		assertThat(greeting.has("arguments")).isFalse();
		JsonNode arguments = prompts.get(4).get("arguments");
		assertThat(arguments).hasSize(3);
		assertThat(arguments.get(0).get("name").asString()).isEqualTo("city");
		assertThat(arguments.get(0).get("title").asString()).isEqualTo("City");
		assertThat(arguments.get(0).get("description").asString()).isEqualTo("Where to go");
		assertThat(arguments.get(0).get("required").asBoolean()).isTrue();
		assertThat(arguments.get(1).get("name").asString()).isEqualTo("country");
		assertThat(arguments.get(1).get("required").asBoolean()).isFalse();
		assertThat(arguments.get(2).get("name").asString()).isEqualTo("days");
		assertThat(arguments.get(2).get("required").asBoolean()).isFalse();
		assertThat(prompts.get(2).get("arguments").get(0).get("required").asBoolean()).isTrue();
	}

	@Test
	void promptsListIsPagedWithCursors() {
		JsonNode first = this.client.call("prompts/list", null);
		assertThat(first.get("prompts")).hasSize(McpServerTest.PAGE_SIZE);
		JsonNode second = this.client.call("prompts/list", Map.of("cursor", first.get("nextCursor").asString()));
		assertThat(second.get("prompts")).hasSize(2);
		assertThat(second.get("prompts").get(0).get("name").asString()).isEqualTo("with_image");
		assertThat(second.has("nextCursor")).isFalse();
	}

	@Test
	void aPromptReturningAStringIsOneUserTextMessage() {
		JsonNode messages = get("greeting", null).get("messages");
		assertThat(messages).hasSize(1);
		assertThat(messages.get(0).get("role").asString()).isEqualTo("user");
		assertThat(messages.get(0).get("content").get("type").asString()).isEqualTo("text");
		assertThat(messages.get(0).get("content").get("text").asString()).isEqualTo("Hello!");
	}

	@Test
	void argumentsAreBoundToParametersByNameAndConverted() {
		JsonNode messages = get("trip", Map.of("city", "Paris", "country", "France", "days", "5")).get("messages");
		assertThat(text(messages.get(0))).isEqualTo("Plan a trip to Paris, France for 5 days");
	}

	@Test
	void optionalArgumentsMayBeLeftOut() {
		assertThat(text(get("trip", Map.of("city", "Rome")).get("messages").get(0))).isEqualTo("Plan a trip to Rome");
	}

	@Test
	void aMissingRequiredArgumentIsInvalidParams() {
		JsonNode error = this.client
			.request("prompts/get", Map.of("name", "trip", "arguments", Map.of("country", "France")))
			.error();
		assertThat(error.get("code").asInt()).isEqualTo(-32602);
		assertThat(error.get("message").asString()).contains("city");
	}

	@Test
	void aRequiredArgumentOfAPromptWithoutArgumentsObjectIsInvalidParams() {
		JsonNode error = this.client.request("prompts/get", Map.of("name", "region_summary")).error();
		assertThat(error.get("code").asInt()).isEqualTo(-32602);
	}

	@Test
	void anArgumentThatDoesNotConvertIsInvalidParams() {
		JsonNode error = this.client
			.request("prompts/get", Map.of("name", "trip", "arguments", Map.of("city", "Rome", "days", "many")))
			.error();
		assertThat(error.get("code").asInt()).isEqualTo(-32602);
		assertThat(error.get("message").asString()).contains("days");
	}

	@Test
	void anUnknownPromptIsInvalidParams() {
		JsonNode error = this.client.request("prompts/get", Map.of("name", "nope")).error();
		assertThat(error.get("code").asInt()).isEqualTo(-32602);
	}

	@Test
	void aPromptReturningMessagesKeepsTheirRolesInOrder() {
		JsonNode messages = get("region_summary", Map.of("region", "south")).get("messages");
		assertThat(messages).hasSize(2);
		assertThat(messages.get(0).get("role").asString()).isEqualTo("user");
		assertThat(text(messages.get(0))).isEqualTo("Summarize region SOUTH");
		assertThat(messages.get(1).get("role").asString()).isEqualTo("assistant");
		assertThat(text(messages.get(1))).isEqualTo("Summary of south:");
	}

	@Test
	void aPromptMayHoldImageContent() {
		JsonNode messages = get("with_image", null).get("messages");
		JsonNode image = messages.get(0).get("content");
		assertThat(image.get("type").asString()).isEqualTo("image");
		assertThat(image.get("mimeType").asString()).isEqualTo("image/png");
		assertThat(Base64.getDecoder().decode(image.get("data").asString())).isEqualTo(TripPrompts.IMAGE);
		assertThat(text(messages.get(1))).isEqualTo("What is in the image?");
	}

	@Test
	void aPromptMayEmbedAResource() {
		JsonNode messages = get("with_resource", Map.of("uri", "notes://today")).get("messages");
		JsonNode content = messages.get(0).get("content");
		assertThat(messages.get(0).get("role").asString()).isEqualTo("user");
		assertThat(content.get("type").asString()).isEqualTo("resource");
		assertThat(content.get("resource").get("uri").asString()).isEqualTo("notes://today");
		assertThat(content.get("resource").get("mimeType").asString()).isEqualTo("text/plain");
		assertThat(content.get("resource").get("text").asString()).isEqualTo("Embedded text");
		assertThat(text(messages.get(1))).isEqualTo("Please read the resource above.");
	}

	@Test
	void aContextParameterReceivesTheRequestContextAndIsNotAnArgument() {
		assertThat(text(get("session_prompt", Map.of("greeting", "Hi")).get("messages").get(0)))
			.isEqualTo("Hi, session " + this.client.sessionId());
		JsonNode arguments = listAll().get(3).get("arguments");
		assertThat(arguments).hasSize(1);
		assertThat(arguments.get(0).get("name").asString()).isEqualTo("greeting");
	}

	@Test
	void aGetPromptResultIsSentWithItsDescription() {
		JsonNode result = get("described", null);
		assertThat(result.get("description").asString()).isEqualTo("A described prompt");
		assertThat(text(result.get("messages").get(0))).isEqualTo("Described");
	}

	@Test
	void promptsAddedAndRemovedAtRuntimeAreAnnouncedWithListChanged() {
		try (McpEventStream stream = this.client.openStream()) {
			this.registry.register(McpPromptHandler.of(new Prompt("runtime", null, "Added at runtime", null),
					(arguments) -> GetPromptResult.of(PromptMessage.user("runtime prompt"))));
			try {
				stream.nextNotification("notifications/prompts/list_changed", TIMEOUT);
				assertThat(text(get("runtime", null).get("messages").get(0))).isEqualTo("runtime prompt");
			}
			finally {
				this.registry.remove("runtime");
			}
			stream.nextNotification("notifications/prompts/list_changed", TIMEOUT);
			assertThat(this.client.request("prompts/get", Map.of("name", "runtime")).error().get("code").asInt())
				.isEqualTo(-32602);
		}
	}

	private JsonNode get(String name, Map<String, String> arguments) {
		return this.client.call("prompts/get",
				(arguments != null) ? Map.of("name", name, "arguments", arguments) : Map.of("name", name));
	}

	private static String text(JsonNode message) {
		return message.get("content").get("text").asString();
	}

	private List<JsonNode> listAll() {
		List<JsonNode> all = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = this.client.call("prompts/list", (cursor != null) ? Map.of("cursor", cursor) : null);
			page.get("prompts").forEach(all::add);
			cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
		}
		while (cursor != null);
		return all;
	}

}
