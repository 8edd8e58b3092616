package dev.mcpspring.internal.web;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DNS-rebinding protection with the default allowed origins (local addresses only).
 * Custom origins are covered by {@link CustomPathAndOriginsTests}.
 */
@McpServerTest
class OriginValidationTests {

	private static final String EVIL = "http://evil.example.com";

	@LocalServerPort
	private int port;

	private McpTestClient client;

	@BeforeEach
	void connect() {
		this.client = McpTestClient.forLocalServer(this.port);
		this.client.connect();
	}

	@Test
	void requestWithoutOriginIsAllowed() {
		McpResponse response = this.client.raw().withoutHeader("Origin").json(McpTestClient.request(1, "ping", null)).send();
		assertThat(response.status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:3000", "http://127.0.0.1:6274", "http://[::1]:8080",
			"https://localhost:443" })
	void localOriginIsAllowed(String origin) {
		McpResponse response = this.client.raw()
			.header("Origin", origin)
			.json(McpTestClient.request(1, "tools/call", McpTestClient.toolCall("echo", Map.of("text", "hi"), null)))
			.send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text()).isEqualTo("hi");
	}

	@ParameterizedTest
	@ValueSource(strings = { EVIL, "http://localhost.evil.example.com", "null", "https://127.0.0.1.nip.io" })
	void postFromForeignOriginIsForbidden(String origin) {
		McpResponse response = this.client.raw()
			.header("Origin", origin)
			.json(McpTestClient.request(1, "ping", null))
			.send();
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.error().path("message").asString()).contains("origin");
	}

	@Test
	void initializeFromForeignOriginIsForbiddenAndCreatesNoSession() {
		McpTestClient foreign = McpTestClient.forLocalServer(this.port).header("Origin", EVIL);
		McpResponse response = foreign.initialize(McpTestClient.LATEST_VERSION);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.header(McpTestClient.SESSION_ID)).isNull();
	}

	@Test
	void getFromForeignOriginIsForbidden() {
		McpResponse response = this.client.raw()
			.method("GET")
			.withoutHeader("Content-Type")
			.header("Accept", "text/event-stream")
			.header("Origin", EVIL)
			.send();
		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void deleteFromForeignOriginIsForbiddenAndKeepsSession() {
		McpResponse response = this.client.raw()
			.method("DELETE")
			.withoutHeader("Content-Type")
			.header("Origin", EVIL)
			.send();
		assertThat(response.status()).isEqualTo(403);
		assertThat(this.client.request("ping", null).status()).isEqualTo(200);
	}

}
