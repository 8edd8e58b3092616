package dev.mcpspring.mounted;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.internal.docket.InMemoryDocket;
import dev.mcpspring.tasks.Docket;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The regression this project exists to prevent (FastMCP's "Background tasks require a
 * running server context" when mounted inside another application): MCP mounted in an
 * existing application, under its context path, behind its filter, interceptor and
 * security, with tasks that complete and a tool that submits work through
 * {@code McpContext.current().docket()}.
 */
abstract class MountedApplicationTests {

	static final String CONTEXT_PATH = "/shop";

	static final String MCP_PATH = "/ai/mcp";

	@LocalServerPort
	private int port;

	@Autowired
	private Docket docket;

	private McpTestClient client;

	@BeforeEach
	void connect() {
		this.client = McpTestClient.forEndpoint(URI.create("http://localhost:" + this.port + CONTEXT_PATH + MCP_PATH));
		this.client.connect();
	}

	@Test
	void existingControllerStillServesBehindItsFilterAndInterceptor() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + CONTEXT_PATH + "/orders")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("order-1");
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
		assertThat(ShopApplication.AUDITED.get(CONTEXT_PATH + "/orders")).isNotNull();
	}

	@Test
	void taskToolCompletesAndItsResultIsFetchedThroughTasksResult() {
		McpResponse created = this.client.request("tools/call",
				Map.of("name", "restock", "arguments", Map.of("item", "apples"), "task", Map.of()));
		assertThat(created.header("X-Request-Id")).isNotNull();
		String taskId = created.result().path("task").path("taskId").asString();
		JsonNode result = this.client.call("tasks/result", Map.of("taskId", taskId));
		assertThat(result.path("isError").asBoolean()).isFalse();
		assertThat(result.path("structuredContent").path("item").asString()).isEqualTo("apples");
		assertThat(result.path("structuredContent").path("quantity").asInt()).isEqualTo(12);
		assertThat(this.client.call("tasks/get", Map.of("taskId", taskId)).path("status").asString())
			.isEqualTo("completed");
		assertThat(ShopApplication.AUDITED.get(CONTEXT_PATH + MCP_PATH).get()).isPositive();
		assertThat(this.docket).isExactlyInstanceOf(InMemoryDocket.class);
	}

	@Test
	void toolSubmitsBackgroundWorkThroughTheCurrentContextsDocket() {
		String taskId = this.client.callTool("restock_later", Map.of("item", "pears")).text();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ShopApplication.RESTOCKED.get("pears"))
				.isEqualTo("task=" + taskId + " background=true"));
	}

	@Test
	void toolsRunOnTheExpectedKindOfThread() {
		assertThat(this.client.callTool("thread_kind", Map.of()).text()).isEqualTo(String.valueOf(virtualThreads()));
	}

	int port() {
		return this.port;
	}

	/**
	 * Returns whether the application runs on virtual threads.
	 * @return whether it does
	 */
	abstract boolean virtualThreads();

}
