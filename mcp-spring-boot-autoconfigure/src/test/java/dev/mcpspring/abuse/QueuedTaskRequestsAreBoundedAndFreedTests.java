package dev.mcpspring.abuse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.internal.task.TaskMessages;
import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests a background task sends to the client wait for {@code tasks/result}; when
 * nobody calls it, they are dropped as soon as the task ends or its session ends, and a
 * task cannot queue more than {@code mcp.server.max-pending-client-requests} of them.
 */
@SpringBootTest(classes = AbuseApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=abuse", "mcp.server.client-request-timeout=100ms",
				"mcp.server.max-pending-client-requests=4" })
class QueuedTaskRequestsAreBoundedAndFreedTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TaskMessages messages;

	@Autowired
	private AbuseApplication.AbuseTools tools;

	private final List<String> gates = new ArrayList<>();

	@AfterEach
	void openGates() {
		this.gates.forEach(this.tools::open);
	}

	@Test
	void requestsOfTasksNobodyAsksForAreDroppedWhenTheTasksEnd() {
		McpTestClient client = client();
		List<String> tasks = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			tasks.add(Tasks.create(client, "ask", Map.of("times", 2, "length", 100)));
		}
		tasks.forEach((task) -> awaitCompleted(client, task));
		assertThat(this.messages.queuedTaskCount()).isZero();
	}

	@Test
	void requestsOfARunningTaskAreDroppedWhenItsSessionEnds() {
		McpTestClient client = client();
		String gate = gate();
		String task = Tasks.create(client, "ask", Map.of("times", 1, "length", 100, "gate", gate));
		await().atMost(Tasks.WAIT).until(() -> this.messages.queuedTaskCount() == 1);
		assertThat(client.delete().status()).isEqualTo(204);
		assertThat(this.messages.queuedTaskCount()).isZero();
		assertThat(task).isNotEmpty();
	}

	@Test
	void aTaskQueuesNoMoreRequestsThanTheLimit() {
		McpTestClient client = client();
		String task = Tasks.create(client, "ask", Map.of("times", 6, "length", 100));
		awaitCompleted(client, task);
		// four wait for tasks/result until the client's answer is overdue, two are refused
		assertThat(Tasks.result(client, task).text()).isEqualTo("{refused=2, unanswered=4}");
		assertThat(this.messages.queuedTaskCount()).isZero();
	}

	private static void awaitCompleted(McpTestClient client, String task) {
		await().atMost(Tasks.WAIT).until(() -> "completed".equals(Tasks.get(client, task).path("status").asString()));
	}

	private McpTestClient client() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		return client;
	}

	private String gate() {
		String gate = UUID.randomUUID().toString();
		this.gates.add(gate);
		return gate;
	}

}
