package dev.mcpspring.abuse;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.abuse.calls.AsyncCallsApplication;
import dev.mcpspring.abuse.calls.SlowTools;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tasks/result} on a task that finishes later: while it waits, no thread is held
 * for it (no thread has a frame of the tasks feature or of the task messages), and it is
 * answered with the task's result when the task ends.
 */
@SpringBootTest(classes = AsyncCallsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "mcp.tasks.default-support=optional")
class TasksResultEndsOnTheTaskEventWithoutHoldingAThreadTests {

	@LocalServerPort
	private int port;

	@AfterEach
	void openGate() {
		SlowTools.openGate();
	}

	@Test
	void tasksResultOnATaskFinishedLaterCompletesOnItsEvent() throws Exception {
		SlowTools.closeGate();
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		String taskId = client.call("tools/call", Map.of("name", "gated", "task", Map.of()))
			.path("task")
			.path("taskId")
			.asString();
		CompletableFuture<McpResponse> waiting = client.raw()
			.json(McpTestClient.request(client.nextId(), "tasks/result", Map.of("taskId", taskId)))
			.sendAsync();
		Thread.sleep(1000);
		assertThat(waiting).isNotDone();
		assertThat(threadsIn("dev.mcpspring.internal.task.McpTasksFeature", "dev.mcpspring.internal.task.TaskMessages"))
			.as("threads held by the wait")
			.isZero();
		long opened = System.nanoTime();
		SlowTools.openGate();
		McpResponse response = waiting.get(McpTestClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		// the safety re-check runs 5 s after the wait began, 4 s after the gate opened: an
		// answer well before that came with the docket's event
		assertThat(Duration.ofNanos(System.nanoTime() - opened)).isLessThan(Duration.ofSeconds(3));
		assertThat(response.text()).isEqualTo("passed");
		assertThat(response.result().at("/_meta/io.modelcontextprotocol~1related-task/taskId").asString())
			.isEqualTo(taskId);
	}

	private static long threadsIn(String... classNames) {
		return Thread.getAllStackTraces()
			.values()
			.stream()
			.filter((stack) -> Arrays.stream(stack)
				.anyMatch((frame) -> Arrays.asList(classNames).contains(frame.getClassName())))
			.count();
	}

}
