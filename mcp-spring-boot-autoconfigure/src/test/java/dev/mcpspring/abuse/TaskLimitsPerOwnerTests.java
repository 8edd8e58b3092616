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

import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One MCP client cannot fill the docket: unfinished tasks per owner, the size of task
 * arguments and the size of task results are bounded, each beyond its limit a clear
 * error (never a 500), and the server stays healthy for other clients. Real HTTP, the
 * in-memory docket.
 */
@SpringBootTest(classes = AbuseApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=abuse", "mcp.tasks.max-active-per-owner=3",
				"mcp.tasks.max-arguments-size=2KB", "mcp.tasks.max-result-size=4KB" })
class TaskLimitsPerOwnerTests {

	@LocalServerPort
	private int port;

	@Autowired
	private AbuseApplication.AbuseTools tools;

	private final List<String> gates = new ArrayList<>();

	@AfterEach
	void openGates() {
		this.gates.forEach(this.tools::open);
	}

	private McpTestClient client(String user) {
		McpTestClient client = McpTestClient.forLocalServer(this.port).basicAuth(user, AbuseApplication.PASSWORD);
		client.connect();
		return client;
	}

	private Map<String, String> gate() {
		String gate = UUID.randomUUID().toString();
		this.gates.add(gate);
		return Map.of("gate", gate);
	}

	@Test
	void submissionBeyondTheActiveLimitIsRefusedWhileOtherOwnersGoOn() {
		McpTestClient alice = client("alice");
		for (int i = 0; i < 3; i++) {
			Tasks.create(alice, "wait_at", gate());
		}
		McpResponse refused = Tasks.call(alice, "wait_at", gate());
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.errorCode()).isEqualTo(-32602);
		assertThat(refused.error().path("message").asString()).contains("mcp.tasks.max-active-per-owner");
		McpTestClient otherSessionOfAlice = client("alice");
		assertThat(Tasks.call(otherSessionOfAlice, "wait_at", gate()).errorCode()).as("the limit is per owner")
			.isEqualTo(-32602);
		assertThat(Tasks.create(client("bob"), "wait_at", gate())).isNotEmpty();
		this.gates.forEach(this.tools::open);
		await().atMost(Tasks.WAIT)
			.alias("accepted again once its tasks have finished")
			.until(() -> !Tasks.call(alice, "big_result", Map.of("length", 1)).response().has("error"));
	}

	@Test
	void oversizedArgumentsAreRefused() {
		McpTestClient alice = client("alice");
		McpResponse refused = Tasks.call(alice, "wait_at", Map.of("gate", "g".repeat(3000)));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.errorCode()).isEqualTo(-32602);
		assertThat(refused.error().path("message").asString()).contains("mcp.tasks.max-arguments-size");
		assertThat(alice.call("ping", Map.of()).isObject()).isTrue();
	}

	@Test
	void oversizedResultFailsTheTaskWithAClearError() {
		McpTestClient alice = client("alice");
		String small = Tasks.create(alice, "big_result", Map.of("length", 100));
		assertThat(Tasks.awaitFinished(alice, small).path("status").asString()).isEqualTo("completed");
		String big = Tasks.create(alice, "big_result", Map.of("length", 10_000));
		JsonNode task = Tasks.awaitFinished(alice, big);
		assertThat(task.path("status").asString()).isEqualTo("failed");
		assertThat(task.path("statusMessage").asString()).contains("mcp.tasks.max-result-size");
		McpResponse result = Tasks.result(alice, big);
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.body()).contains("mcp.tasks.max-result-size").doesNotContain("xxxxxxxxxx");
	}

}
