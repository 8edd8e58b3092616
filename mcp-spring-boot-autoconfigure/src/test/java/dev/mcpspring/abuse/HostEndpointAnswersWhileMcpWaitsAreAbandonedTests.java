package dev.mcpspring.abuse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * 300 MCP requests that wait (half {@code tasks/result} on a long task, half slow direct
 * tool calls), abandoned by their clients after about 2 s, on a server with few container
 * threads: the host application's own endpoint and MCP {@code ping} keep answering, and
 * the abandoned waits give back their slots while the direct calls run on.
 */
@SpringBootTest(classes = AsyncCallsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.tomcat.threads.max=10", "server.tomcat.threads.min-spare=2",
				"mcp.server.max-concurrent-calls=400", "mcp.server.max-concurrent-calls-per-session=64",
				"mcp.server.shutdown-timeout=1s", "mcp.worker.shutdown-timeout=1s", "mcp.tasks.default-support=optional" })
class HostEndpointAnswersWhileMcpWaitsAreAbandonedTests {

	private static final int SESSIONS = 10;

	private static final int WAITS_PER_SESSION = 15;

	private static final int CALLS_PER_SESSION = 15;

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@Autowired
	private McpAsyncCalls calls;

	@AfterEach
	void openGate() {
		SlowTools.openGate();
	}

	@Test
	void hostEndpointAnswersWhileMcpWaitsAreAbandoned() throws Exception {
		SlowTools.closeGate();
		List<RawMcpConnection> connections = new ArrayList<>();
		int id = 100;
		for (int s = 0; s < SESSIONS; s++) {
			McpTestClient client = McpTestClient.forLocalServer(this.port);
			client.connect();
			String taskId = client.call("tools/call", Map.of("name", "gated", "task", Map.of()))
				.path("task")
				.path("taskId")
				.asString();
			for (int i = 0; i < WAITS_PER_SESSION; i++) {
				connections.add(RawMcpConnection.post(this.port, client.sessionId(),
						"{\"jsonrpc\":\"2.0\",\"id\":" + (id++)
								+ ",\"method\":\"tasks/result\",\"params\":{\"taskId\":\"" + taskId + "\"}}"));
			}
			for (int i = 0; i < CALLS_PER_SESSION; i++) {
				connections.add(RawMcpConnection.post(this.port, client.sessionId(), "{\"jsonrpc\":\"2.0\",\"id\":"
						+ (id++) + ",\"method\":\"tools/call\",\"params\":{\"name\":\"sleep\",\"arguments\":{\"millis\":120000}}}"));
			}
		}
		int total = SESSIONS * (WAITS_PER_SESSION + CALLS_PER_SESSION);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.calls.activeCount() == total);
		assertHostAndPingAnswer();
		Thread.sleep(2000);
		for (RawMcpConnection connection : connections) {
			connection.close();
		}
		assertHostAndPingAnswer();
		// the abandoned waits are released; the direct calls run on (disconnection is not
		// cancellation) but hold no container thread
		await().atMost(Duration.ofSeconds(40))
			.untilAsserted(() -> assertThat(this.calls.activeCount()).isEqualTo(SESSIONS * CALLS_PER_SESSION));
		assertHostAndPingAnswer();
	}

	private void assertHostAndPingAnswer() throws Exception {
		for (int i = 0; i < 10; i++) {
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/host/reports"))
						.timeout(Duration.ofSeconds(1))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("reports");
		}
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		assertThat(client.call("ping", Map.of()).isObject()).isTrue();
	}

}
