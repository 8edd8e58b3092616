package dev.mcpspring;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The {@link McpContext} a tool sees: as a parameter, through
 * {@link McpContext#current()}, on other threads, and never outside a request.
 */
@McpServerTest
class McpContextTests {

	@LocalServerPort
	private int port;

	private McpTestClient client;

	@BeforeEach
	void connect() {
		this.client = McpTestClient.forLocalServer(this.port);
		this.client.connect();
	}

	@Test
	void contextParameterDescribesTheRequest() {
		long id = this.client.nextId();
		McpResponse response = this.client
			.send(McpTestClient.request(id, "tools/call", McpTestClient.toolCall("context_parameter",
					Map.of("label", "x"), null)));
		JsonNode report = response.result().path("structuredContent");
		assertThat(report.path("sessionId").asString()).isEqualTo(this.client.sessionId());
		assertThat(report.path("protocolVersion").asString()).isEqualTo(McpTestClient.LATEST_VERSION);
		assertThat(report.path("requestId").asString()).isEqualTo(Long.toString(id));
	}

	@Test
	void currentContextInToolDescribesTheRequest() {
		JsonNode report = this.client.callTool("context_current", null).result().path("structuredContent");
		assertThat(report.path("sessionId").asString()).isEqualTo(this.client.sessionId());
		assertThat(report.path("protocolVersion").asString()).isEqualTo(McpTestClient.LATEST_VERSION);
		assertThat(report.path("principal").isNull()).isTrue();
	}

	@Test
	void currentContextBelongsToTheCallingSession() {
		McpTestClient other = McpTestClient.forLocalServer(this.port);
		other.connect();
		assertThat(other.callTool("context_current", null).result().at("/structuredContent/sessionId").asString())
			.isEqualTo(other.sessionId());
		assertThat(this.client.callTool("context_current", null).result().at("/structuredContent/sessionId").asString())
			.isEqualTo(this.client.sessionId());
	}

	@Test
	void contextCarriesAuthenticatedPrincipal() {
		McpTestClient alice = McpTestClient.forLocalServer(this.port).basicAuth("alice", "password");
		alice.connect();
		assertThat(alice.callTool("context_current", null).result().at("/structuredContent/principal").asString())
			.isEqualTo("alice");
	}

	@Test
	void currentOutsideRequestThrowsWithHelpfulMessage() {
		assertThat(McpContext.find()).isEmpty();
		assertThatIllegalStateException().isThrownBy(McpContext::current)
			.withMessageContaining("No MCP context on this thread")
			.withMessageContaining("McpContext")
			.withMessageContaining("ContextPropagatingTaskDecorator");
	}

	@Test
	void currentOnThreadWithoutPropagationThrowsWithHelpfulMessage() {
		McpResponse response = this.client.callTool("context_unpropagated", null);
		assertThat(response.text()).startsWith("IllegalStateException: No MCP context on this thread")
			.contains("ContextPropagatingTaskDecorator");
	}

	@Test
	void contextPropagatesToExecutorDecoratedWithContextPropagatingTaskDecorator() {
		JsonNode report = this.client.callTool("context_propagated", null).result().path("structuredContent");
		assertThat(report.path("thread").asString()).startsWith("mcp-propagating-");
		assertThat(report.path("sessionId").asString()).isEqualTo(this.client.sessionId());
		assertThat(report.path("protocolVersion").asString()).isEqualTo(McpTestClient.LATEST_VERSION);
	}

	@Test
	void propagatedContextIsTheCallersEvenWhenSessionsAlternate() {
		McpTestClient other = McpTestClient.forLocalServer(this.port);
		other.connect();
		for (int i = 0; i < 3; i++) {
			assertThat(this.client.callTool("context_propagated", null).result().at("/structuredContent/sessionId")
				.asString()).isEqualTo(this.client.sessionId());
			assertThat(other.callTool("context_propagated", null).result().at("/structuredContent/sessionId")
				.asString()).isEqualTo(other.sessionId());
		}
	}

	@Test
	void toolCallsRunOnPlatformThreadsByDefault() {
		JsonNode report = this.client.callTool("context_current", null).result().path("structuredContent");
		assertThat(report.path("virtual").asBoolean()).isFalse();
	}

	@Test
	void contextIsClearedAfterEveryRequest() {
		Set<String> mcpThreads = new HashSet<>();
		Set<String> probedThreads = new HashSet<>();
		try (McpEventStream stream = this.client.openStream()) {
			stream.next(Duration.ofSeconds(10));
			for (int i = 0; i < McpServerTest.TOMCAT_THREADS * 5; i++) {
				JsonNode report = this.client.callTool("context_current", null).result().path("structuredContent");
				mcpThreads.add(report.path("thread").asString());
				this.client.callTool("log_levels", null);
				JsonNode probe = probe();
				probedThreads.add(probe.path("thread").asString());
				assertThat(probe.path("bound").asBoolean()).as("MCP context left on %s", probe.path("thread"))
					.isFalse();
			}
		}
		// the calls ran on the starter's threads, or inline on container threads once
		// their tool had been quick; the probes on the few container threads, which had
		// bound the MCP context for every MCP request, so a leak would have shown
		assertThat(mcpThreads).allMatch((thread) -> thread.startsWith("mcp-call-") || thread.startsWith("http-nio-"));
		assertThat(probedThreads).allMatch((thread) -> thread.startsWith("http-nio-"));
	}

	private JsonNode probe() {
		McpTestClient probe = McpTestClient.forEndpoint(this.client.endpoint().resolve("/probe/context"));
		McpResponse response = probe.raw().method("GET").withoutHeader("Content-Type").header("Accept",
				"application/json").send();
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

}
