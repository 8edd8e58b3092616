package dev.mcpspring.abuse;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mcp.server.max-subscriptions-per-session}: a subscription beyond it is
 * {@code -32602}; the session's other subscriptions, and other sessions, are not
 * affected.
 */
@LimitsTest
class SubscriptionLimitTests {

	@LocalServerPort
	private int port;

	@Test
	void aSubscriptionBeyondTheMaximumIsInvalidParams() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		for (String uri : new String[] { "notes://today", "notes://yesterday", "notes://weekly" }) {
			assertThat(subscribe(client, uri).status()).isEqualTo(200);
		}
		McpResponse refused = subscribe(client, "notes://monthly");
		assertThat(refused.errorCode()).isEqualTo(-32602);
		assertThat(refused.error().path("message").asString()).contains(LimitsTest.MAX_SUBSCRIPTIONS + " resource subscriptions");
		// subscribing again to a URI already subscribed takes no more room
		assertThat(subscribe(client, "notes://today").result()).isNotNull();
		client.call("resources/unsubscribe", Map.of("uri", "notes://weekly"));
		assertThat(subscribe(client, "notes://monthly").result()).isNotNull();

		McpTestClient other = McpTestClient.forLocalServer(this.port);
		other.connect();
		assertThat(subscribe(other, "notes://monthly").result()).isNotNull();
	}

	private static McpResponse subscribe(McpTestClient client, String uri) {
		return client.request("resources/subscribe", Map.of("uri", uri));
	}

}
