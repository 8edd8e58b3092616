package dev.mcpspring;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.app.McpTestApplication;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tool calls with {@code spring.threads.virtual.enabled=true}: they run on virtual
 * threads and see their context as on platform threads.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.threads.virtual.enabled=true", "server.shutdown=immediate" })
class VirtualThreadToolCallTests {

	@LocalServerPort
	private int port;

	@Test
	void toolCallRunsOnVirtualThread() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		JsonNode report = client.callTool("context_current", null).result().path("structuredContent");
		assertThat(report.path("virtual").asBoolean()).as(report.toString()).isTrue();
		assertThat(report.path("sessionId").asString()).isEqualTo(client.sessionId());
	}

	@Test
	void contextPropagatesFromVirtualThread() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		JsonNode report = client.callTool("context_propagated", null).result().path("structuredContent");
		assertThat(report.path("sessionId").asString()).isEqualTo(client.sessionId());
	}

	@Test
	void cancellationInterruptsVirtualThread() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		long id = client.nextId();
		try (var call = client.streamRequest(id, "tools/call",
				McpTestClient.toolCall("block_until_cancelled", null, null))) {
			call.nextNotification("notifications/message", McpTestClient.TIMEOUT);
			client.notify("notifications/cancelled", Map.of("requestId", id));
			assertThat(call.nextNotification("notifications/message", McpTestClient.TIMEOUT).at("/params/data")
				.asString()).isEqualTo("interrupted cancelled=true");
		}
	}

}
