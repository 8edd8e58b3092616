package dev.mcpspring.abuse;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.mcpspring.abuse.calls.AsyncCallsApplication;
import dev.mcpspring.abuse.calls.SlowTools;
import dev.mcpspring.internal.web.McpAsyncCalls;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Closing the application (as on SIGTERM) with graceful shutdown and a long
 * {@code spring.lifecycle.timeout-per-shutdown-phase}, while a client waits in
 * {@code tasks/result} on a long task and another in a slow direct call: the waiting
 * client is answered at once with a JSON-RPC error telling it to ask again, the direct
 * call after {@code mcp.server.shutdown-timeout}, the application closes within seconds,
 * and the log has no ERROR and no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class ShutdownAnswersWaitingClientsPromptlyTests {

	@AfterEach
	void openGate() {
		SlowTools.openGate();
	}

	@Test
	void shutdownAnswersWaitingClientsPromptlyWithoutErrorLogs(CapturedOutput output) throws Exception {
		SlowTools.closeGate();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(AsyncCallsApplication.class).run(
				"--server.port=0", "--server.shutdown=graceful", "--spring.lifecycle.timeout-per-shutdown-phase=2m",
				"--mcp.server.shutdown-timeout=2s", "--mcp.worker.shutdown-timeout=2s",
				"--mcp.tasks.default-support=optional");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		McpAsyncCalls calls = context.getBean(McpAsyncCalls.class);
		McpTestClient client = McpTestClient.forLocalServer(port);
		client.connect();
		String taskId = client.call("tools/call", Map.of("name", "gated", "task", Map.of()))
			.path("task")
			.path("taskId")
			.asString();
		CompletableFuture<McpResponse> waiting = client.raw()
			.json(McpTestClient.request(client.nextId(), "tasks/result", Map.of("taskId", taskId)))
			.sendAsync();
		CompletableFuture<McpResponse> running = client.raw()
			.json(McpTestClient.request(client.nextId(), "tools/call",
					McpTestClient.toolCall("sleep", Map.of("millis", 60000), null)))
			.sendAsync();
		await().atMost(Duration.ofSeconds(10)).until(() -> calls.activeCount() == 2);

		long start = System.nanoTime();
		CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close);
		McpResponse waited = waiting.get(10, TimeUnit.SECONDS);
		Duration waitAnswered = Duration.ofNanos(System.nanoTime() - start);
		McpResponse ran = running.get(20, TimeUnit.SECONDS);
		closed.get(60, TimeUnit.SECONDS);
		Duration closeTook = Duration.ofNanos(System.nanoTime() - start);

		assertThat(waited.errorCode()).isEqualTo(McpAsyncCalls.SERVER_UNAVAILABLE);
		assertThat(waited.error().path("message").asString()).contains("shutting down")
			.contains("call tasks/result again");
		assertThat(waited.error().path("data").path("reason").asString()).isEqualTo("shutdown");
		assertThat(ran.errorCode()).isEqualTo(McpAsyncCalls.SERVER_UNAVAILABLE);
		assertThat(ran.error().path("message").asString()).contains("shutting down")
			.contains("mcp.server.shutdown-timeout");
		// generous margins on a loaded machine; before, this took about 60 s
		assertThat(waitAnswered).isLessThan(Duration.ofSeconds(5));
		assertThat(closeTook).isLessThan(Duration.ofSeconds(20));
		assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("\tat ");
	}

}
