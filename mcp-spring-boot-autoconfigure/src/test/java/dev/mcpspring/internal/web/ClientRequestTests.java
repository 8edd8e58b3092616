package dev.mcpspring.internal.web;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests a tool sends to the client during a direct call (sampling, elicitation): they
 * travel on the call's SSE stream, the client POSTs its answer, and the call goes on.
 */
@McpServerTest
class ClientRequestTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	@Test
	void samplingRequestTravelsOnTheCallStreamAndTheAnswerCompletesTheCall() {
		McpTestClient client = client(Map.of("sampling", Map.of()));
		try (McpEventStream call = client.streamRequest("tools/call",
				Map.of("name", "summarize", "arguments", Map.of("text", "a long report")))) {
			JsonNode request = call.nextMessage((message) -> message.has("method") && message.has("id"), WAIT);
			assertThat(request.path("method").asString()).isEqualTo("sampling/createMessage");
			assertThat(request.path("params").path("maxTokens").asInt()).isEqualTo(50);
			assertThat(request.path("params").path("messages").get(0).path("content").path("text").asString())
				.isEqualTo("Summarize: a long report");
			McpResponse accepted = client.send(Map.of("jsonrpc", "2.0", "id", request.get("id"), "result",
					Map.of("role", "assistant", "content", Map.of("type", "text", "text", "short"), "model", "m")));
			assertThat(accepted.status()).isEqualTo(202);
			JsonNode response = call.nextMessage((message) -> message.has("result"), WAIT);
			assertThat(response.path("result").path("content").get(0).path("text").asString())
				.isEqualTo("summary: short");
		}
	}

	@Test
	void elicitationRequestTravelsOnTheCallStream() {
		McpTestClient client = client(Map.of("elicitation", Map.of()));
		try (McpEventStream call = client.streamRequest("tools/call", Map.of("name", "task_elicit", "arguments", Map.of()))) {
			JsonNode request = call.nextMessage((message) -> message.has("method") && message.has("id"), WAIT);
			assertThat(request.path("method").asString()).isEqualTo("elicitation/create");
			assertThat(request.path("params").path("requestedSchema").path("type").asString()).isEqualTo("object");
			assertThat(request.path("params").has("_meta")).isFalse();
			client.send(Map.of("jsonrpc", "2.0", "id", request.get("id"), "result", Map.of("action", "decline")));
			JsonNode response = call.nextMessage((message) -> message.has("result"), WAIT);
			assertThat(response.path("result").path("content").get(0).path("text").asString()).isEqualTo("decline:");
		}
	}

	@Test
	void errorAnswerFromTheClientIsTheCallsError() {
		McpTestClient client = client(Map.of("sampling", Map.of()));
		try (McpEventStream call = client.streamRequest("tools/call",
				Map.of("name", "summarize", "arguments", Map.of("text", "x")))) {
			JsonNode request = call.nextMessage((message) -> message.has("method") && message.has("id"), WAIT);
			client.send(Map.of("jsonrpc", "2.0", "id", request.get("id"), "error",
					Map.of("code", -1, "message", "User rejected sampling")));
			JsonNode response = call.nextMessage((message) -> message.has("error") || message.has("result"), WAIT);
			assertThat(response.path("error").path("code").asInt()).isEqualTo(-1);
			assertThat(response.path("error").path("message").asString()).isEqualTo("User rejected sampling");
		}
	}

	@Test
	void requestToAClientWithoutTheCapabilityIsAToolErrorSayingSo() {
		McpTestClient client = client(Map.of());
		McpResponse response = client.callTool("summarize", Map.of("text", "x"));
		assertThat(response.isToolError()).isTrue();
		assertThat(response.text()).contains("sampling");
	}

	@Test
	void answerNobodyWaitsForIsAccepted() {
		McpTestClient client = client(Map.of());
		McpResponse response = client
			.send(Map.of("jsonrpc", "2.0", "id", "mcp-unknown", "result", Map.of("action", "accept")));
		assertThat(response.status()).isEqualTo(202);
		assertThat(client.callTool("echo", Map.of("text", "still serving")).text()).isEqualTo("still serving");
	}

	private McpTestClient client(Map<String, Object> capabilities) {
		McpTestClient client = McpTestClient.forLocalServer(this.port).capabilities(capabilities);
		client.connect();
		return client;
	}

}
