package dev.mcpspring.internal.resource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.McpResourceHandler;
import dev.mcpspring.McpResourceRegistry;
import dev.mcpspring.Resource;
import dev.mcpspring.ResourceContents;
import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.app.NoteResources;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code resources/*} over HTTP: listing, reading text, binary and templated resources,
 * errors, subscriptions and list changes.
 */
@McpServerTest
class ResourcesTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	@Autowired
	private McpResourceRegistry registry;

	private McpTestClient client;

	@BeforeEach
	void connect() {
		this.client = McpTestClient.forLocalServer(this.port);
		this.client.connect();
	}

	@Test
	void initializeOffersResourcesWithSubscribeAndListChanged() {
		JsonNode capabilities = McpTestClient.forLocalServer(this.port).connect().get("capabilities");
		assertThat(capabilities.get("resources").get("subscribe").asBoolean()).isTrue();
		assertThat(capabilities.get("resources").get("listChanged").asBoolean()).isTrue();
	}

	@Test
	void resourcesListListsStaticResourcesWithTheirMetadata() {
		List<JsonNode> resources = listAll("resources/list", "resources");
		assertThat(resources).extracting((resource) -> resource.get("uri").asString())
			.containsExactly("notes://all", "notes://logo", "notes://monthly", "notes://today", "notes://weekly",
					"notes://yesterday");
		JsonNode today = resources.get(3);
		assertThat(today.get("name").asString()).isEqualTo("today");
		assertThat(today.get("title").asString()).isEqualTo("Today's note");
		assertThat(today.get("description").asString()).isEqualTo("The note of the day");
		assertThat(today.get("mimeType").asString()).isEqualTo("text/plain");
		JsonNode yesterday = resources.get(5);
		assertThat(yesterday.get("name").asString()).isEqualTo("yesterday");
		assertThat(yesterday.get("mimeType").asString()).isEqualTo("text/markdown");
		assertThat(yesterday.has("title")).isFalse();
		assertThat(resources.get(1).get("mimeType").asString()).isEqualTo("image/png");
		assertThat(resources.get(0).has("mimeType")).isFalse();
	}

	@Test
	void resourcesListIsPagedWithCursors() {
		JsonNode first = this.client.call("resources/list", null);
		assertThat(first.get("resources")).hasSize(McpServerTest.PAGE_SIZE);
		JsonNode second = this.client.call("resources/list", Map.of("cursor", first.get("nextCursor").asString()));
		assertThat(second.get("resources")).hasSize(1);
		assertThat(second.get("resources").get(0).get("uri").asString()).isEqualTo("notes://yesterday");
		assertThat(second.has("nextCursor")).isFalse();
	}

	@Test
	void invalidCursorIsInvalidParams() {
		JsonNode error = this.client.request("resources/list", Map.of("cursor", "***")).error();
		assertThat(error.get("code").asInt()).isEqualTo(-32602);
	}

	@Test
	void templatesListListsUriTemplatesPaged() {
		JsonNode first = this.client.call("resources/templates/list", null);
		assertThat(first.get("resourceTemplates")).hasSize(McpServerTest.PAGE_SIZE);
		assertThat(first.has("nextCursor")).isTrue();
		List<JsonNode> templates = listAll("resources/templates/list", "resourceTemplates");
		assertThat(templates).extracting((template) -> template.get("uriTemplate").asString())
			.containsExactly("files://readme-{part}", "files://{name}", "notes://day/{date}", "notes://tag/{tag}",
					"reports://{id}", "reports://{region}/{month}");
		JsonNode report = templates.get(4);
		assertThat(report.get("name").asString()).isEqualTo("report");
		assertThat(report.get("description").asString()).isEqualTo("A report by number");
		assertThat(report.get("mimeType").asString()).isEqualTo("application/json");
		assertThat(templates.get(1).get("mimeType").asString()).isEqualTo("text/plain");
	}

	@Test
	void readingATextResourceReturnsItsTextAndMimeType() {
		JsonNode contents = read("notes://yesterday");
		assertThat(contents).hasSize(1);
		assertThat(contents.get(0).get("uri").asString()).isEqualTo("notes://yesterday");
		assertThat(contents.get(0).get("mimeType").asString()).isEqualTo("text/markdown");
		assertThat(contents.get(0).get("text").asString()).isEqualTo("# Yesterday\nAll quiet.");
		assertThat(contents.get(0).has("blob")).isFalse();
	}

	@Test
	void readingABinaryResourceReturnsBase64Blob() {
		JsonNode contents = read("notes://logo");
		assertThat(contents.get(0).get("mimeType").asString()).isEqualTo("image/png");
		assertThat(Base64.getDecoder().decode(contents.get(0).get("blob").asString())).isEqualTo(NoteResources.LOGO);
		assertThat(contents.get(0).has("text")).isFalse();
	}

	@Test
	void readingAResourceReturningSeveralContentsReturnsThemAll() {
		JsonNode contents = read("notes://all");
		assertThat(contents).hasSize(2);
		assertThat(contents.get(0).get("uri").asString()).isEqualTo("notes://all#today");
		assertThat(contents.get(0).has("text")).isTrue();
		assertThat(contents.get(1).get("uri").asString()).isEqualTo("notes://all#logo");
		assertThat(contents.get(1).has("blob")).isTrue();
	}

	@Test
	void readingATemplateUriBindsVariablesToParametersByName() {
		JsonNode contents = read("reports://2");
		assertThat(contents.get(0).get("uri").asString()).isEqualTo("reports://2");
		assertThat(contents.get(0).get("mimeType").asString()).isEqualTo("application/json");
		assertThat(contents.get(0).get("text").asString())
			.isEqualTo("{\"id\":2,\"region\":\"EAST\",\"month\":\"2026-02\"}");
	}

	@Test
	void templateVariablesAreConvertedToTheParameterTypes() {
		JsonNode contents = read("reports://north/2026-05");
		assertThat(contents.get(0).get("text").asString())
			.isEqualTo("{\"id\":0,\"region\":\"NORTH\",\"month\":\"2026-05\"}");
	}

	@Test
	void aTemplateMethodReturningAListGetsItsJsonAsText() {
		JsonNode contents = read("notes://tag/work");
		assertThat(contents.get(0).get("mimeType").asString()).isEqualTo("application/json");
		assertThat(contents.get(0).get("text").asString()).isEqualTo("[\"work 1\",\"work 2\"]");
		assertThat(read("notes://day/2026-11-25").get(0).get("text").asString()).isEqualTo("Note of WEDNESDAY");
	}

	@Test
	void templateVariablesArePercentDecodedAndTheUriAndContextAreInjected() {
		JsonNode contents = read("files://my%20notes.txt");
		assertThat(contents.get(0).get("text").asString()).isEqualTo(
				"file my notes.txt at files://my%20notes.txt in session " + this.client.sessionId());
	}

	@Test
	void aUriMatchingSeveralTemplatesIsReadByTheOneWithTheMostLiteralText() {
		assertThat(read("files://readme-intro").get(0).get("text").asString()).isEqualTo("readme part intro");
		assertThat(read("files://notes").get(0).get("text").asString()).startsWith("file notes at");
	}

	@Test
	void readingAnUnknownUriIsResourceNotFoundWithTheUriInData() {
		JsonNode error = this.client.request("resources/read", Map.of("uri", "notes://tomorrow")).error();
		assertThat(error.get("code").asInt()).isEqualTo(-32002);
		assertThat(error.get("data").get("uri").asString()).isEqualTo("notes://tomorrow");
	}

	@Test
	void aTemplateMethodReturningEmptyIsResourceNotFound() {
		JsonNode error = this.client.request("resources/read", Map.of("uri", "reports://9")).error();
		assertThat(error.get("code").asInt()).isEqualTo(-32002);
		assertThat(error.get("data").get("uri").asString()).isEqualTo("reports://9");
	}

	@Test
	void aVariableThatDoesNotConvertIsResourceNotFound() {
		JsonNode error = this.client.request("resources/read", Map.of("uri", "reports://abc")).error();
		assertThat(error.get("code").asInt()).isEqualTo(-32002);
	}

	@Test
	void aUriWithExtraSegmentsMatchesNoTemplate() {
		JsonNode error = this.client.request("resources/read", Map.of("uri", "files://a/b")).error();
		assertThat(error.get("code").asInt()).isEqualTo(-32002);
	}

	@Test
	void readingWithoutAUriIsInvalidParams() {
		assertThat(this.client.request("resources/read", Map.of()).error().get("code").asInt()).isEqualTo(-32602);
	}

	@Test
	void aSubscribedSessionIsToldOnItsStreamWhenTheResourceChanges() {
		try (McpEventStream stream = this.client.openStream()) {
			assertThat(this.client.call("resources/subscribe", Map.of("uri", "notes://today")).isEmpty()).isTrue();
			this.client.call("tools/call", Map.of("name", "update_note", "arguments", Map.of("text", "Rain")));
			JsonNode notification = stream.nextNotification("notifications/resources/updated", TIMEOUT);
			assertThat(notification.get("params").get("uri").asString()).isEqualTo("notes://today");
			assertThat(read("notes://today").get(0).get("text").asString()).isEqualTo("Rain");
		}
	}

	@Test
	void unsubscribingStopsTheUpdates() {
		try (McpEventStream stream = this.client.openStream()) {
			this.client.call("resources/subscribe", Map.of("uri", "notes://today"));
			this.client.call("resources/subscribe", Map.of("uri", "notes://yesterday"));
			assertThat(this.client.call("resources/unsubscribe", Map.of("uri", "notes://today")).isEmpty()).isTrue();
			touch("notes://today");
			touch("notes://yesterday");
			JsonNode notification = stream.nextNotification("notifications/resources/updated", TIMEOUT);
			assertThat(notification.get("params").get("uri").asString()).isEqualTo("notes://yesterday");
		}
	}

	@Test
	void updatesGoOnlyToSessionsSubscribedToTheUri() {
		McpTestClient other = McpTestClient.forLocalServer(this.port);
		other.connect();
		try (McpEventStream stream = this.client.openStream(); McpEventStream otherStream = other.openStream()) {
			this.client.call("resources/subscribe", Map.of("uri", "reports://1"));
			other.call("resources/subscribe", Map.of("uri", "reports://2"));
			touch("reports://1");
			touch("reports://2");
			assertThat(stream.nextNotification("notifications/resources/updated", TIMEOUT).get("params").get("uri")
				.asString()).isEqualTo("reports://1");
			assertThat(otherStream.nextNotification("notifications/resources/updated", TIMEOUT).get("params")
				.get("uri")
				.asString()).isEqualTo("reports://2");
		}
	}

	@Test
	void subscribingToAUriThatNamesNoResourceIsResourceNotFound() {
		JsonNode error = this.client.request("resources/subscribe", Map.of("uri", "notes://tomorrow")).error();
		assertThat(error.get("code").asInt()).isEqualTo(-32002);
		assertThat(error.get("data").get("uri").asString()).isEqualTo("notes://tomorrow");
	}

	@Test
	void resourcesAddedAndRemovedAtRuntimeAreAnnouncedWithListChanged() {
		try (McpEventStream stream = this.client.openStream()) {
			this.registry.register(McpResourceHandler.of(Resource.of("notes://runtime", "runtime"),
					() -> List.of(ResourceContents.text("notes://runtime", "text/plain", "added at runtime"))));
			try {
				stream.nextNotification("notifications/resources/list_changed", TIMEOUT);
				assertThat(listAll("resources/list", "resources"))
					.anyMatch((resource) -> resource.get("uri").asString().equals("notes://runtime"));
				assertThat(read("notes://runtime").get(0).get("text").asString()).isEqualTo("added at runtime");
			}
			finally {
				this.registry.remove("notes://runtime");
			}
			stream.nextNotification("notifications/resources/list_changed", TIMEOUT);
			assertThat(this.client.request("resources/read", Map.of("uri", "notes://runtime")).error().get("code")
				.asInt()).isEqualTo(-32002);
		}
	}

	private void touch(String uri) {
		this.client.call("tools/call", Map.of("name", "touch", "arguments", Map.of("uri", uri)));
	}

	private JsonNode read(String uri) {
		return this.client.call("resources/read", Map.of("uri", uri)).get("contents");
	}

	private List<JsonNode> listAll(String method, String member) {
		List<JsonNode> all = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = this.client.call(method, (cursor != null) ? Map.of("cursor", cursor) : null);
			page.get(member).forEach(all::add);
			cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
		}
		while (cursor != null);
		return all;
	}

}
