package dev.mcpspring.abuse;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mcp.server.max-pending-client-requests}: while a session has that many requests
 * to its client (sampling, elicitation) waiting, another fails at once with a clear tool
 * error instead of queueing.
 */
@LimitsTest
class PendingClientRequestLimitTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	private int port;

	@Test
	void aRequestToTheClientBeyondTheMaximumFailsAtOnce() {
		McpTestClient client = McpTestClient.forLocalServer(this.port).capabilities(Map.of("sampling", Map.of()));
		client.connect();
		try (McpEventStream first = client.streamRequest("tools/call",
				McpTestClient.toolCall("summarize", Map.of("text", "first"), null))) {
			JsonNode request = first.nextMessage((message) -> message.has("method") && message.has("id"), WAIT);

			McpResponse second = client.callTool("summarize", Map.of("text", "second"));
			assertThat(second.isToolError()).isTrue();
			assertThat(second.text()).contains("already has " + LimitsTest.MAX_PENDING_CLIENT_REQUESTS + " requests");

			client.send(Map.of("jsonrpc", "2.0", "id", request.get("id"), "result",
					Map.of("role", "assistant", "content", Map.of("type", "text", "text", "short"), "model", "m")));
			JsonNode response = first.nextMessage((message) -> message.has("result"), WAIT);
			assertThat(response.path("result").path("content").get(0).path("text").asString())
				.isEqualTo("summary: short");
		}
	}

}
