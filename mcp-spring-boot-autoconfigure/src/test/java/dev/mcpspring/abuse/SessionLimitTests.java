package dev.mcpspring.abuse;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.internal.protocol.McpServer;
import dev.mcpspring.internal.web.SessionEventStreams;
import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.app.McpTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code mcp.server.max-sessions}: a new session beyond it ends the least recently used
 * one, with everything it holds.
 */
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "mcp.server.max-sessions=3")
class SessionLimitTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	private int port;

	@Autowired
	private McpServer server;

	@Autowired
	private SessionEventStreams eventStreams;

	@Test
	void aNewSessionBeyondTheMaximumEndsTheLeastRecentlyUsedOne() throws Exception {
		McpTestClient oldest = connected();
		McpTestClient second = connected();
		McpTestClient third = connected();
		try (McpEventStream oldestStream = oldest.openStream()) {
			oldestStream.next(WAIT);
			Thread.sleep(20);
			assertThat(second.request("ping", null).status()).isEqualTo(200);
			assertThat(third.request("ping", null).status()).isEqualTo(200);
			Thread.sleep(20);

			McpTestClient newest = connected();

			assertThat(oldest.request("ping", null).status()).isEqualTo(404);
			oldestStream.awaitEnd(WAIT);
			assertThat(second.request("ping", null).status()).isEqualTo(200);
			assertThat(third.request("ping", null).status()).isEqualTo(200);
			assertThat(newest.request("ping", null).status()).isEqualTo(200);
			assertThat(this.server.sessions().count()).isEqualTo(3);
			await().atMost(WAIT).until(() -> this.eventStreams.sessionCount() == 0);
		}
	}

	@Test
	void manyNewSessionsNeverExceedTheMaximum() {
		for (int i = 0; i < 50; i++) {
			connected();
		}
		assertThat(this.server.sessions().count()).isEqualTo(3);
	}

	private McpTestClient connected() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		return client;
	}

}
