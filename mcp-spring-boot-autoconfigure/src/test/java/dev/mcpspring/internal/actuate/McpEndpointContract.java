package dev.mcpspring.internal.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Actuator endpoint {@code mcp} over HTTP, exposed with
 * {@code management.endpoints.web.exposure.include=mcp}: what the server offers, its
 * sessions, and its docket's tasks and workers while a task runs.
 */
abstract class McpEndpointContract {

	@LocalServerPort
	private int port;

	private JsonNode read() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/mcp")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return McpTestClient.JSON.readTree(response.body());
	}

	private static JsonNode named(JsonNode items, String field, String name) {
		for (JsonNode item : items) {
			if (name.equals(item.path(field).asString())) {
				return item;
			}
		}
		throw new AssertionError("No " + name + " in " + items);
	}

	@Test
	void describesWhatTheServerOffers() throws Exception {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		JsonNode mcp = read();
		assertThat(named(mcp.path("tools"), "name", "echo").path("taskSupport").asString()).isEqualTo("forbidden");
		assertThat(named(mcp.path("tools"), "name", "task_only").path("taskSupport").asString()).isEqualTo("required");
		assertThat(named(mcp.path("tools"), "name", "task_fail").path("taskSupport").asString()).isEqualTo("optional");
		assertThat(mcp.path("resources").isArray()).isTrue();
		assertThat(mcp.path("resourceTemplates").isArray()).isTrue();
		assertThat(mcp.path("prompts").isArray()).isTrue();
		assertThat(mcp.path("sessions").path("active").asLong()).isPositive();
	}

	@Test
	void showsTheDocketsTasksAndWorkers() throws Exception {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		long submitted = read().path("tasks").path("submittedTotal").asLong();
		String taskId = client
			.call("tools/call", Map.of("name", "task_block", "arguments", Map.of("key", "endpoint"), "task", Map.of()))
			.path("task")
			.path("taskId")
			.asString();
		try {
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				JsonNode mcp = read();
				assertThat(mcp.path("tasks").path("byState").path("running").asLong()).isPositive();
				assertThat(mcp.path("tasks").path("submittedTotal").asLong()).isGreaterThan(submitted);
				assertThat(mcp.path("workers").findValues("runningTaskIds").toString()).contains(taskId);
			});
			JsonNode byState = read().path("tasks").path("byState");
			assertThat(byState.propertyNames()).containsExactly("queued", "running", "input_required", "completed",
					"failed", "cancelled");
		}
		finally {
			client.call("tasks/cancel", Map.of("taskId", taskId));
		}
	}

}
