package dev.mcpspring.internal.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.SseEvent;
import dev.mcpspring.test.app.McpTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounds of streams and client requests: {@code mcp.server.sse.replay-buffer},
 * {@code mcp.server.sse.retry} and {@code mcp.server.client-request-timeout}.
 */
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mcp.server.sse.replay-buffer=3", "mcp.server.sse.retry=250ms",
				"mcp.server.client-request-timeout=300ms" })
class StreamLimitsTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	@Test
	void resumptionReplaysAtMostTheReplayBuffer() throws InterruptedException {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		List<SseEvent> first;
		try (McpEventStream post = client.raw()
			.json(McpTestClient.request(1, "tools/call",
					McpTestClient.toolCall("reconnect_midway", Map.of("steps", 8), "limits")))
			.stream()) {
			first = post.awaitEnd(WAIT);
		}
		assertThat(first).anySatisfy((event) -> assertThat(event.retry()).isEqualTo("250"));
		String lastEventId = first.stream().map(SseEvent::id).filter((id) -> id != null).reduce((a, b) -> b).orElseThrow();
		// the connection ends at once; resume after the tool's remaining steps (7 x 20 ms),
		// so that they are replayed rather than received live
		Thread.sleep(2000);
		try (McpEventStream resumed = client.raw()
			.method("GET")
			.withoutHeader("Content-Type")
			.header("Accept", "text/event-stream")
			.header("Last-Event-ID", lastEventId)
			.stream()) {
			List<SseEvent> replayed = resumed.awaitEnd(WAIT).stream().filter(SseEvent::hasMessage).toList();
			assertThat(replayed).hasSize(3);
			assertThat(replayed.get(2).json().path("result").path("content").get(0).path("text").asString())
				.isEqualTo("resumed after 8");
		}
	}

	@Test
	void unansweredClientRequestTimesOutWithAClearToolError() {
		McpTestClient client = McpTestClient.forLocalServer(this.port).capabilities(Map.of("sampling", Map.of()));
		client.connect();
		McpResponse response = client.callTool("summarize", Map.of("text", "x"));
		assertThat(response.isToolError()).isTrue();
		assertThat(response.text()).contains("did not answer sampling/createMessage within");
	}

}
