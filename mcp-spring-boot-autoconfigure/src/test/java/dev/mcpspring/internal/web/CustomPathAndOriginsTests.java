package dev.mcpspring.internal.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.app.McpTestApplication;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint under a servlet context path and a custom {@code mcp.server.path}, with
 * custom {@code mcp.server.allowed-origins}.
 */
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.servlet.context-path=/api", "mcp.server.path=/assistant/mcp",
				"mcp.server.allowed-origins=https://*.example.com,http://localhost:4000", "server.shutdown=immediate" })
class CustomPathAndOriginsTests {

	@LocalServerPort
	private int port;

	@Test
	void endpointIsServedUnderContextPathAndConfiguredPath() {
		McpTestClient client = McpTestClient.forLocalServer(this.port, "/api/assistant/mcp");
		JsonNode result = client.connect();
		assertThat(result.path("protocolVersion").asString()).isEqualTo(McpTestClient.LATEST_VERSION);
		assertThat(client.callTool("echo", Map.of("text", "under /api")).text()).isEqualTo("under /api");
		try (var stream = client.openStream()) {
			assertThat(stream.status()).isEqualTo(200);
		}
		assertThat(client.delete().status()).isBetween(200, 204);
	}

	@Test
	void contextIsBoundAtConfiguredPath() {
		McpTestClient client = McpTestClient.forLocalServer(this.port, "/api/assistant/mcp");
		client.connect();
		McpResponse response = client.callTool("context_current", null);
		assertThat(response.isToolError()).as(response.toString()).isFalse();
		assertThat(response.result().at("/structuredContent/sessionId").asString()).isEqualTo(client.sessionId());
	}

	@Test
	void defaultPathsAreNotServed() {
		for (String path : new String[] { "/mcp", "/api/mcp", "/assistant/mcp" }) {
			McpResponse response = McpTestClient.forLocalServer(this.port, path).initialize(McpTestClient.LATEST_VERSION);
			assertThat(response.status()).as(path).isEqualTo(404);
		}
	}

	@Test
	void configuredOriginPatternsAreAllowed() {
		for (String origin : new String[] { "https://app.example.com", "http://localhost:4000" }) {
			McpTestClient client = McpTestClient.forLocalServer(this.port, "/api/assistant/mcp").header("Origin", origin);
			assertThat(client.initialize(McpTestClient.LATEST_VERSION).status()).as(origin).isEqualTo(200);
			assertThat(client.request("ping", null).status()).as(origin).isEqualTo(200);
		}
	}

	@Test
	void originsOutsideConfiguredPatternsAreForbidden() {
		for (String origin : new String[] { "http://localhost:3000", "http://app.example.com", "https://example.org" }) {
			McpTestClient client = McpTestClient.forLocalServer(this.port, "/api/assistant/mcp").header("Origin", origin);
			assertThat(client.initialize(McpTestClient.LATEST_VERSION).status()).as(origin).isEqualTo(403);
		}
	}

	@Test
	void requestWithoutOriginIsStillAllowed() {
		McpTestClient client = McpTestClient.forLocalServer(this.port, "/api/assistant/mcp");
		assertThat(client.initialize(McpTestClient.LATEST_VERSION).status()).isEqualTo(200);
	}

}
