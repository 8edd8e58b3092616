package dev.mcpspring.abuse;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.abuse.calls.AsyncCallsApplication;
import dev.mcpspring.abuse.calls.RawMcpConnection;
import dev.mcpspring.abuse.calls.SlowTools;
import dev.mcpspring.internal.web.McpAsyncCalls;
import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A direct call whose client closes the connection runs on (disconnection is not
 * cancellation), reads its request headers through {@code McpContext.header} after the
 * connection has gone, and gives back its slot when it ends.
 */
@SpringBootTest(classes = AsyncCallsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class DirectCallOutlivesItsClientAndStillReadsItsHeadersTests {

	@LocalServerPort
	private int port;

	@Autowired
	private McpAsyncCalls calls;

	@AfterEach
	void openGate() {
		SlowTools.openGate();
	}

	@Test
	void directCallOutlivesItsClientAndStillReadsItsHeaders() throws Exception {
		SlowTools.closeGate();
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		try (RawMcpConnection connection = RawMcpConnection.post(this.port, client.sessionId(),
				"{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"gated_header\","
						+ "\"arguments\":{\"key\":\"gone\"}}}",
				"X-Probe: still-here\r\n")) {
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.activeCount() == 1);
		}
		// the connection is closed; other requests reuse the container's threads
		for (int i = 0; i < 20; i++) {
			assertThat(client.call("ping", Map.of()).isObject()).isTrue();
		}
		SlowTools.openGate();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(SlowTools.HEADERS_READ.get("gone")).isEqualTo("passed still-here"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.activeCount() == 0);
	}

}
