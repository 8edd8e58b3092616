package dev.mcpspring.internal.tool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tools/list}: order, pagination, and what each tool declares besides its input
 * schema (title, description, output schema, annotations).
 */
@McpServerTest
class ToolListingTests {

	@LocalServerPort
	private int port;

	private McpTestClient client;

	@BeforeEach
	void connect() {
		this.client = McpTestClient.forLocalServer(this.port);
		this.client.connect();
	}

	@Test
	void toolsAreListedInNameOrder() {
		List<String> names = names(this.client.listAllTools());
		assertThat(names).hasSizeGreaterThan(McpServerTest.PAGE_SIZE * 2).isSorted().doesNotHaveDuplicates();
		assertThat(names).contains("echo", "weather", "block_until_cancelled", "context_current");
	}

	@Test
	void listingIsDeterministic() {
		assertThat(this.client.listAllTools()).isEqualTo(this.client.listAllTools());
	}

	@Test
	void firstPageHoldsPageSizeToolsAndCursorOfNext() {
		JsonNode page = this.client.call("tools/list", null);
		assertThat(page.path("tools")).hasSize(McpServerTest.PAGE_SIZE);
		assertThat(page.path("nextCursor").asString()).isNotBlank();
	}

	@Test
	void cursorsWalkThroughEveryToolOnceAndLastPageHasNoCursor() {
		List<String> all = names(this.client.listAllTools());
		int pages = 0;
		String cursor = null;
		List<String> walked = new ArrayList<>();
		do {
			JsonNode page = this.client.call("tools/list", (cursor != null) ? Map.of("cursor", cursor) : null);
			assertThat(page.path("tools").size()).isBetween(1, McpServerTest.PAGE_SIZE);
			page.path("tools").forEach((tool) -> walked.add(tool.path("name").asString()));
			cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
			pages++;
		}
		while (cursor != null);
		assertThat(walked).isEqualTo(all);
		assertThat(pages).isEqualTo((all.size() + McpServerTest.PAGE_SIZE - 1) / McpServerTest.PAGE_SIZE);
	}

	@Test
	void nullCursorListsFirstPage() {
		Map<String, Object> params = new HashMap<>();
		params.put("cursor", null);
		assertThat(this.client.call("tools/list", params)).isEqualTo(this.client.call("tools/list", null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "%%% not a cursor %%%", "a b", "@@" })
	void malformedCursorIsInvalidParams(String cursor) {
		assertThat(this.client.request("tools/list", Map.of("cursor", cursor)).errorCode()).isEqualTo(-32602);
	}

	@Test
	void nonStringCursorIsInvalidParams() {
		assertThat(this.client.request("tools/list", Map.of("cursor", 5)).errorCode()).isEqualTo(-32602);
		assertThat(this.client.request("tools/list", Map.of("cursor", Map.of())).errorCode()).isEqualTo(-32602);
	}

	@Test
	void toolDeclaresNameTitleAndDescription() {
		JsonNode echo = this.client.tool("echo");
		assertThat(echo.path("title").asString()).isEqualTo("Echo");
		assertThat(echo.path("description").asString()).isEqualTo("Echoes the text back");
	}

	@Test
	void toolWithoutTitleOmitsIt() {
		assertThat(this.client.tool("primitives").has("title")).isFalse();
	}

	@Test
	void annotationHintsAreListed() {
		JsonNode annotations = this.client.tool("echo").path("annotations");
		assertThat(annotations.path("readOnlyHint").asBoolean()).isTrue();
		assertThat(annotations.path("idempotentHint").asBoolean()).isTrue();
		assertThat(annotations.path("openWorldHint").isBoolean()).isTrue();
		assertThat(annotations.path("openWorldHint").asBoolean()).isFalse();
		assertThat(this.client.tool("weather").path("annotations").path("readOnlyHint").asBoolean()).isTrue();
	}

	@Test
	void toolWithDefaultHintsHasNoAnnotations() {
		assertThat(this.client.tool("fail").has("annotations")).isFalse();
	}

	@Test
	void toolsWithoutTaskSupportListItAsForbidden() {
		assertThat(List.of("echo", "audio", "block_until_cancelled"))
			.allSatisfy((name) -> assertThat(this.client.tool(name).path("execution").path("taskSupport").asString())
				.isEqualTo("forbidden"));
	}

	@Test
	void recordResultDeclaresOutputSchema() {
		JsonNode schema = this.client.tool("weather").path("outputSchema");
		assertThat(schema.path("type").asString()).isEqualTo("object");
		assertThat(schema.path("properties").path("city").path("type").asString()).isEqualTo("string");
		assertThat(schema.path("properties").path("temperature").path("type").asString()).isEqualTo("number");
		assertThat(schema.path("properties").path("sunny").path("type").asString()).isEqualTo("boolean");
		assertThat(schema.has("$schema")).isFalse();
	}

	@Test
	void futureOfRecordDeclaresOutputSchemaOfTheRecord() {
		JsonNode schema = this.client.tool("future_weather").path("outputSchema");
		assertThat(schema.path("type").asString()).as(schema.toString()).isEqualTo("object");
		assertThat(schema.path("properties").has("temperature")).as(schema.toString()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "echo", "void_result", "list_result", "number_result", "image", "mixed_content",
			"failed_future" })
	void nonObjectResultDeclaresNoOutputSchema(String tool) {
		assertThat(this.client.tool(tool).has("outputSchema")).isFalse();
	}

	private static List<String> names(List<JsonNode> tools) {
		return tools.stream().map((tool) -> tool.path("name").asString()).toList();
	}

}
