package dev.mcpspring.abuse;

import java.time.Duration;
import java.util.Map;

import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MCP task calls the abuse tests share.
 */
final class Tasks {

	static final Duration WAIT = Duration.ofSeconds(20);

	private Tasks() {
	}

	static McpResponse call(McpTestClient client, String tool, Map<String, ?> arguments) {
		return client.request("tools/call", Map.of("name", tool, "arguments", arguments, "task", Map.of()));
	}

	static String create(McpTestClient client, String tool, Map<String, ?> arguments) {
		McpResponse response = call(client, tool, arguments);
		assertThat(response.findResponse()).as(response.toString()).isPresent();
		String id = response.result().path("task").path("taskId").asString();
		assertThat(id).as(response.toString()).matches("[0-9a-f]{32}");
		return id;
	}

	static JsonNode get(McpTestClient client, String taskId) {
		return client.call("tasks/get", Map.of("taskId", taskId));
	}

	static JsonNode awaitFinished(McpTestClient client, String taskId) {
		await().atMost(WAIT).until(() -> !"working".equals(get(client, taskId).path("status").asString()));
		return get(client, taskId);
	}

	static McpResponse result(McpTestClient client, String taskId) {
		return client.request("tasks/result", Map.of("taskId", taskId));
	}

}
