package dev.mcpspring.mounted;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MCP mounted in an existing application with virtual threads on: requests and tasks run
 * on virtual threads, which never ran any startup code.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
@SpringBootTest(classes = ShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.servlet.context-path=" + MountedApplicationTests.CONTEXT_PATH,
				"mcp.server.path=" + MountedApplicationTests.MCP_PATH, "spring.threads.virtual.enabled=true" })
class MountedOnVirtualThreadsTests extends MountedApplicationTests {

	@Override
	boolean virtualThreads() {
		return true;
	}

	@Test
	void tasksRunOnVirtualThreads() {
		McpTestClient client = McpTestClient.forEndpoint(
				java.net.URI.create("http://localhost:" + port() + CONTEXT_PATH + MCP_PATH));
		client.connect();
		String taskId = client
			.call("tools/call", Map.of("name", "restock", "arguments", Map.of("item", "plums"), "task", Map.of()))
			.path("task")
			.path("taskId")
			.asString();
		assertThat(client.call("tasks/result", Map.of("taskId", taskId)).path("structuredContent")
			.path("virtualThread")
			.asBoolean()).isTrue();
	}

}
