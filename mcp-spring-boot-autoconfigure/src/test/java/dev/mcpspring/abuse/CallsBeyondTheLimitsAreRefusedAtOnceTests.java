package dev.mcpspring.abuse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.abuse.calls.AsyncCallsApplication;
import dev.mcpspring.abuse.calls.SlowTools;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code mcp.server.max-concurrent-calls=3} and
 * {@code mcp.server.max-concurrent-calls-per-session=2}: a call beyond a limit is
 * answered at once with a JSON-RPC error naming the limit, counted in
 * {@code mcp.server.calls.refused}; once the calls in flight end, calls succeed again.
 */
@SpringBootTest(classes = AsyncCallsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mcp.server.max-concurrent-calls=3", "mcp.server.max-concurrent-calls-per-session=2",
				"management.metrics.use-global-registry=false" })
class CallsBeyondTheLimitsAreRefusedAtOnceTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meters;

	@AfterEach
	void openGate() {
		SlowTools.openGate();
	}

	@Test
	void callsBeyondTheLimitsAreRefusedAtOnceAndTheServerRecovers() {
		SlowTools.closeGate();
		McpTestClient first = client();
		McpTestClient second = client();
		McpTestClient third = client();
		List<CompletableFuture<McpResponse>> held = new ArrayList<>();
		held.add(gated(first));
		held.add(gated(first));
		await().atMost(Duration.ofSeconds(10)).until(() -> active() == 2);

		long start = System.nanoTime();
		McpResponse perSession = first.callTool("gated", Map.of());
		assertThat(perSession.errorCode()).isEqualTo(-32000);
		assertThat(perSession.error().path("message").asString()).contains("this session")
			.contains("mcp.server.max-concurrent-calls-per-session");
		assertThat(perSession.error().path("data").path("limit").asString()).isEqualTo("session");

		held.add(gated(second));
		await().atMost(Duration.ofSeconds(10)).until(() -> active() == 3);
		McpResponse total = third.callTool("gated", Map.of());
		assertThat(total.errorCode()).isEqualTo(-32000);
		assertThat(total.error().path("message").asString()).contains("mcp.server.max-concurrent-calls");
		assertThat(total.error().path("data").path("limit").asString()).isEqualTo("total");
		// refused without waiting for the calls in flight (which wait at the gate)
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		assertThat(held).noneMatch(CompletableFuture::isDone);
		assertThat(refused("session")).isEqualTo(1);
		assertThat(refused("total")).isEqualTo(1);
		// quick methods are not limited
		assertThat(third.call("ping", Map.of()).isObject()).isTrue();

		SlowTools.openGate();
		held.forEach((call) -> assertThat(call.join().text()).isEqualTo("passed"));
		await().atMost(Duration.ofSeconds(10)).until(() -> active() == 0);
		assertThat(third.callTool("sleep", Map.of("millis", 1)).text()).isEqualTo("slept 1");
		assertThat(first.callTool("sleep", Map.of("millis", 1)).text()).isEqualTo("slept 1");
	}

	private double active() {
		return this.meters.get("mcp.server.calls.active").gauge().value();
	}

	private double refused(String limit) {
		return this.meters.get("mcp.server.calls.refused").tag("limit", limit).functionCounter().count();
	}

	private McpTestClient client() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		return client;
	}

	private static CompletableFuture<McpResponse> gated(McpTestClient client) {
		return client.raw().json(McpTestClient.request(client.nextId(), "tools/call", McpTestClient.toolCall("gated", Map.of(), null))).sendAsync();
	}

}
