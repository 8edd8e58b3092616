package dev.mcpspring;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.internal.docket.InMemoryDocket;
import dev.mcpspring.internal.docket.Worker;
import dev.mcpspring.tasks.Docket;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The context of every request and task is built from the docket bean of the application
 * context, whichever it is, and tasks run on the worker bean, on threads that never ran
 * startup code.
 */
@SpringBootTest(classes = ReplacedBeansApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ContextFromBeansTests {

	@LocalServerPort
	private int port;

	@Autowired
	private Docket docket;

	@Autowired
	private Worker worker;

	@Test
	void userBeansReplaceTheAutoConfiguredOnes() {
		assertThat(this.docket).isInstanceOf(ReplacedBeansApplication.UserDocket.class);
		assertThat(this.worker.id()).isEqualTo("user-worker");
	}

	@Test
	void requestSeesTheBeansOnAThreadThatNeverRanStartupCode() {
		McpTestClient client = client();
		JsonNode seen = client.callTool("which_beans", Map.of()).result().path("structuredContent");
		assertThat(seen.path("docket").asString()).isEqualTo("UserDocket");
		assertThat(seen.path("background").asBoolean()).isFalse();
		assertThat(seen.path("thread").asString()).isNotEqualTo(seen.path("startupThread").asString())
			.startsWith("mcp-call-");
	}

	@Test
	void taskSeesTheSameBeansOnAWorkerThread() {
		McpTestClient client = client();
		String taskId = client.call("tools/call", Map.of("name", "which_beans", "arguments", Map.of(), "task", Map.of()))
			.path("task")
			.path("taskId")
			.asString();
		JsonNode seen = client.call("tasks/result", Map.of("taskId", taskId)).path("structuredContent");
		assertThat(seen.path("docket").asString()).isEqualTo("UserDocket");
		assertThat(seen.path("background").asBoolean()).isTrue();
		assertThat(seen.path("thread").asString()).startsWith("mcp-worker-user-worker");
		assertThat(this.docket).isNotExactlyInstanceOf(InMemoryDocket.class);
	}

	private McpTestClient client() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		return client;
	}

}
