package dev.mcpspring.internal.task;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.app.McpTestApplication;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tasks extension with {@code mcp.tasks.extension-optional-policy=inline}: a
 * declaring client gets an optional tool's result inline, and a required tool still as a
 * task.
 */
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "mcp.tasks.extension-optional-policy=inline")
class TasksExtensionInlinePolicyTests {

	@LocalServerPort
	private int port;

	@Test
	void optionalToolRunsInline() {
		JsonNode result = TasksExtensionTests
			.call(McpTestClient.forLocalServer(this.port), "task_record", Map.of("a", 2, "b", 3), true)
			.result();
		assertThat(result.path("resultType").asString()).isEqualTo("complete");
		assertThat(result.has("taskId")).isFalse();
		assertThat(result.path("structuredContent").path("total").asInt()).isEqualTo(5);
	}

	@Test
	void requiredToolStillRunsAsATask() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		JsonNode created = TasksExtensionTests.call(client, "task_only", Map.of(), true).result();
		assertThat(created.path("resultType").asString()).isEqualTo("task");
		assertThat(TasksExtensionTests.awaitTerminal(client, created.path("taskId").asString()).path("status")
			.asString()).isEqualTo("completed");
	}

}
