package dev.mcpspring.abuse;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session created by an authenticated principal is not found ({@code 404}) by anybody
 * else: POST, GET, GET with {@code Last-Event-ID} and DELETE. Anonymous sessions stay
 * usable anonymously.
 */
@McpServerTest
class SessionsBelongToTheirPrincipalTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	private int port;

	@Test
	void anotherPrincipalCannotUseASessionInAnyWay() {
		McpTestClient alice = McpTestClient.forLocalServer(this.port).basicAuth("alice", "password");
		alice.connect();
		String lastEventId;
		try (McpEventStream stream = alice.openStream()) {
			lastEventId = stream.next(WAIT).id();
		}
		McpTestClient bob = McpTestClient.forLocalServer(this.port)
			.basicAuth("bob", "password")
			.sessionId(alice.sessionId())
			.protocolVersion(alice.protocolVersion());
		McpTestClient anonymous = McpTestClient.forLocalServer(this.port)
			.sessionId(alice.sessionId())
			.protocolVersion(alice.protocolVersion());
		for (McpTestClient intruder : new McpTestClient[] { bob, anonymous }) {
			assertNotFound(intruder.request("ping", null));
			assertNotFound(intruder.notify("notifications/initialized", null));
			assertNotFound(get(intruder).send());
			assertNotFound(get(intruder).header("Last-Event-ID", lastEventId).send());
			assertNotFound(intruder.delete());
		}
		assertThat(alice.request("ping", null).status()).isEqualTo(200);
		assertThat(alice.delete().status()).isEqualTo(204);
	}

	@Test
	void anAnonymousSessionStaysUsableAnonymously() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		assertThat(client.request("ping", null).status()).isEqualTo(200);
		try (McpEventStream stream = client.openStream()) {
			assertThat(stream.status()).isEqualTo(200);
		}
		assertThat(client.delete().status()).isEqualTo(204);
	}

	private static McpTestClient.RawRequest get(McpTestClient client) {
		return client.raw().method("GET").withoutHeader("Content-Type").header("Accept", "text/event-stream");
	}

	private static void assertNotFound(McpResponse response) {
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.error().path("message").asString()).contains("Session not found");
	}

}
