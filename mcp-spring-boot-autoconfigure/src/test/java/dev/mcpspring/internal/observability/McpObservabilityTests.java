package dev.mcpspring.internal.observability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Metrics and the health indicator, read from the running application's
 * {@link MeterRegistry} and Actuator's health endpoint.
 */
@McpServerTest
class McpObservabilityTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry registry;

	@Test
	void directToolCallsAreTimedByToolAndOutcome() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		long successes = timerCount("mcp.tools.calls", "tool", "echo", "outcome", "success");
		long errors = timerCount("mcp.tools.calls", "tool", "fail", "outcome", "error");
		client.callTool("echo", Map.of("text", "x"));
		client.callTool("fail", Map.of("message", "m"));
		assertThat(timerCount("mcp.tools.calls", "tool", "echo", "outcome", "success")).isEqualTo(successes + 1);
		assertThat(timerCount("mcp.tools.calls", "tool", "fail", "outcome", "error")).isEqualTo(errors + 1);
	}

	@Test
	void tasksAreCountedAndTimed() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		double submitted = counter("mcp.tasks.submitted", "function", "tool:task_fail");
		double failed = counter("mcp.tasks.completed", "function", "tool:task_fail", "outcome", "failed");
		long runs = timerCount("mcp.tasks.duration", "function", "tool:task_fail", "outcome", "failed");
		String taskId = client
			.call("tools/call", Map.of("name", "task_fail", "arguments", Map.of(), "task", Map.of()))
			.path("task")
			.path("taskId")
			.asString();
		client.call("tasks/result", Map.of("taskId", taskId));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(counter("mcp.tasks.submitted", "function", "tool:task_fail")).isEqualTo(submitted + 1);
			assertThat(counter("mcp.tasks.completed", "function", "tool:task_fail", "outcome", "failed"))
				.isEqualTo(failed + 1);
			assertThat(timerCount("mcp.tasks.duration", "function", "tool:task_fail", "outcome", "failed"))
				.isEqualTo(runs + 1);
		});
		assertThat(this.registry.get("mcp.tasks.queued").gauge().value()).isGreaterThanOrEqualTo(0);
		assertThat(this.registry.get("mcp.tasks.running").gauge().value()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void healthReportsTheDocketAndTheWorker() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode mcp = McpTestClient.JSON.readTree(response.body()).path("components").path("mcp");
		assertThat(mcp.path("status").asString()).isEqualTo("UP");
		assertThat(mcp.path("details").path("docket").asString()).isEqualTo("InMemoryDocket");
		assertThat(mcp.path("details").has("queued")).isTrue();
		assertThat(mcp.path("details").path("workerConcurrency").asInt()).isEqualTo(10);
	}

	private double counter(String name, String... tags) {
		return Search.in(this.registry).name(name).tags(tags).counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	private long timerCount(String name, String... tags) {
		return Search.in(this.registry).name(name).tags(tags).timers().stream().mapToLong((t) -> t.count()).sum();
	}

}
