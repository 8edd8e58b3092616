package dev.mcpspring.abuse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.internal.protocol.McpServer;
import dev.mcpspring.internal.resource.McpResourcesFeature;
import dev.mcpspring.internal.web.SessionEventStreams;
import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.app.McpTestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sessions that expire without a DELETE leave nothing behind: their GET streams are
 * closed and every registry of the starter forgets them, without any further request.
 */
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "mcp.server.session-timeout=2s")
class ExpiredSessionsAreFullyFreedTests {

	private static final int SESSIONS = 1000;

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	private int port;

	@Autowired
	private McpServer server;

	@Autowired
	private SessionEventStreams eventStreams;

	@Autowired
	private McpResourcesFeature resources;

	@Autowired
	private MeterRegistry registry;

	@Test
	void thousandExpiredSessionsWithOpenStreamsLeaveNothingBehind() throws Exception {
		List<McpEventStream> streams = new ArrayList<>();
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<McpEventStream>> opened = new ArrayList<>();
			for (int i = 0; i < SESSIONS; i++) {
				opened.add(executor.submit(this::sessionWithSubscriptionAndOpenStream));
			}
			for (Future<McpEventStream> stream : opened) {
				streams.add(stream.get());
			}
		}
		finally {
			executor.shutdown();
		}
		McpTestClient sampled = McpTestClient.forLocalServer(this.port).capabilities(Map.of("sampling", Map.of()));
		sampled.connect();
		try (McpEventStream call = sampled.streamRequest("tools/call",
				McpTestClient.toolCall("summarize", Map.of("text", "never answered"), null))) {
			JsonNode request = call.nextMessage((message) -> message.has("method") && message.has("id"), WAIT);
			assertThat(request.path("method").asString()).isEqualTo("sampling/createMessage");
			assertThat(this.server.clientRequests().pendingCount()).isEqualTo(1);
			// the call's own SSE response is open, and its session is kept
			assertThat(gauge("mcp.server.sessions")).isPositive();
			assertThat(gauge("mcp.server.streams.open")).isPositive();

			await().atMost(Duration.ofSeconds(60)).until(() -> streams.stream().allMatch(McpEventStream::isEnded));
			await().atMost(WAIT).untilAsserted(() -> {
				assertThat(this.server.sessions().count()).isZero();
				assertThat(this.eventStreams.sessionCount()).isZero();
				assertThat(this.eventStreams.openConnections()).isZero();
				assertThat(this.server.streams().sessionCount()).isZero();
				assertThat(this.resources.subscriptionCount()).isZero();
				assertThat(this.server.clientRequests().pendingCount()).isZero();
				assertThat(gauge("mcp.server.sessions")).isZero();
				assertThat(gauge("mcp.server.streams.open")).isZero();
			});
			call.awaitEnd(WAIT);
		}
		streams.forEach(McpEventStream::close);
		McpTestClient after = McpTestClient.forLocalServer(this.port);
		after.connect();
		assertThat(after.request("ping", null).status()).isEqualTo(200);
	}

	private McpEventStream sessionWithSubscriptionAndOpenStream() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		assertThat(client.request("resources/subscribe", Map.of("uri", "notes://today")).status()).isEqualTo(200);
		McpEventStream stream = client.openStream();
		assertThat(stream.status()).isEqualTo(200);
		// the priming event: the server holds the stream
		assertThat(stream.next(WAIT).id()).isNotBlank();
		return stream;
	}

	private double gauge(String name) {
		return this.registry.get(name).gauge().value();
	}

}
