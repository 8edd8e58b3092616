package dev.mcpspring.internal.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions: minted on initialize, required afterwards, ended by DELETE; the protocol
 * version header.
 */
@McpServerTest
class SessionTests {

	@LocalServerPort
	private int port;

	@Test
	void initializeMintsHexSessionIdOfAtLeast128Bits() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		McpResponse response = client.initialize(McpTestClient.LATEST_VERSION);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header(McpTestClient.SESSION_ID)).matches("[0-9a-f]{32,}");
	}

	@Test
	void everyInitializeMintsAnotherUnpredictableSessionId() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			ids.add(McpTestClient.forLocalServer(this.port)
				.initialize(McpTestClient.LATEST_VERSION)
				.header(McpTestClient.SESSION_ID));
		}
		assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
		// a counter or a timestamp would show up as shared leading characters
		assertThat(ids.stream().map((id) -> id.substring(0, 8)).toList()).doesNotHaveDuplicates();
	}

	@Test
	void initializeWithSessionHeaderStillMintsNewSession() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		String first = client.sessionId();
		client.initialize(McpTestClient.LATEST_VERSION);
		assertThat(client.sessionId()).isNotEqualTo(first);
	}

	@Test
	void requestWithoutSessionHeaderIsBadRequest() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		McpResponse response = client.raw()
			.withoutHeader(McpTestClient.SESSION_ID)
			.json(McpTestClient.request(1, "ping", null))
			.send();
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.error().path("message").asString()).contains(McpTestClient.SESSION_ID);
	}

	@Test
	void notificationWithoutSessionHeaderIsBadRequest() {
		McpResponse response = McpTestClient.forLocalServer(this.port).notify("notifications/initialized", null);
		assertThat(response.status()).isEqualTo(400);
	}

	@Test
	void requestWithUnknownSessionIsNotFound() {
		McpTestClient client = McpTestClient.forLocalServer(this.port)
			.sessionId("00000000000000000000000000000000");
		McpResponse response = client.request("ping", null);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.isJson()).isTrue();
	}

	@Test
	void requestWithDeletedSessionIsNotFound() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		assertThat(client.delete().status()).isBetween(200, 204);
		assertThat(client.request("ping", null).status()).isEqualTo(404);
		assertThat(client.callTool("echo", Map.of("text", "x")).status()).isEqualTo(404);
		assertThat(client.notify("notifications/initialized", null).status()).isEqualTo(404);
	}

	@Test
	void sessionsAreIndependent() {
		McpTestClient first = McpTestClient.forLocalServer(this.port);
		first.connect();
		McpTestClient second = McpTestClient.forLocalServer(this.port);
		second.connect();
		assertThat(first.sessionId()).isNotEqualTo(second.sessionId());
		first.delete();
		assertThat(second.request("ping", null).status()).isEqualTo(200);
	}

	@Test
	void unsupportedProtocolVersionHeaderIsBadRequest() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		McpResponse response = client.protocolVersion("2024-11-05").request("ping", null);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.error().path("message").asString()).contains("2024-11-05");
		McpResponse garbage = client.protocolVersion("banana").request("ping", null);
		assertThat(garbage.status()).isEqualTo(400);
	}

	@Test
	void unsupportedProtocolVersionHeaderOnGetIsBadRequest() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		McpResponse response = client.raw()
			.method("GET")
			.withoutHeader("Content-Type")
			.header("Accept", "text/event-stream")
			.header(McpTestClient.PROTOCOL_VERSION, "1999-01-01")
			.send();
		assertThat(response.status()).isEqualTo(400);
	}

	@Test
	void absentProtocolVersionHeaderIsAccepted() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		client.protocolVersion(null);
		McpResponse response = client.callTool("context_current", null);
		assertThat(response.status()).isEqualTo(200);
		// without the header the request speaks the version negotiated on initialize
		assertThat(response.result().at("/structuredContent/protocolVersion").asString())
			.isEqualTo(McpTestClient.LATEST_VERSION);
	}

	@Test
	void supportedProtocolVersionHeaderIsTheVersionOfTheRequest() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		McpResponse response = client.protocolVersion("2025-06-18").callTool("context_current", null);
		assertThat(response.result().at("/structuredContent/protocolVersion").asString()).isEqualTo("2025-06-18");
	}

}
