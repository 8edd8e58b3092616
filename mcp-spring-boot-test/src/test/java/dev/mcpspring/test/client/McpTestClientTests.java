package dev.mcpspring.test.client;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.fixture.FixtureApplication;

import static dev.mcpspring.test.assertj.McpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The test client against a real server on a random port, under a context path and a
 * custom MCP path.
 */
@SpringBootTest(classes = FixtureApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.servlet.context-path=/ctx", "mcp.server.path=/tools/mcp" })
class McpTestClientTests {

	@LocalServerPort
	private int port;

	@Autowired
	private McpTestClient mcp;

	@Test
	void injectedClientPointsAtTheEndpointUnderTheContextPath() {
		assertThat(this.mcp.endpoint()).isEqualTo(URI.create("http://localhost:" + this.port + "/ctx/tools/mcp"));
		assertThat(this.mcp.revision()).isEqualTo(McpRevision.V2025_11_25);
		assertThat(this.mcp.sessionId()).isNotBlank();
	}

	@Test
	void builtClientWorksLikeTheInjectedOne() {
		McpTestClient client = McpTestClient
			.builder(URI.create("http://localhost:" + this.port + "/ctx/tools/mcp"))
			.revision(McpRevision.V2026_07_28)
			.build();
		assertThat(client.callTool("shout", Map.of("text", "hi"))).isNotError().hasText("HI");
		assertThat(client.sessionId()).isNull();
		McpTestClient created = McpTestClient.create(URI.create("http://localhost:" + this.port + "/ctx/tools/mcp"));
		assertThat(created.revision()).isEqualTo(McpRevision.V2025_11_25);
		assertThat(created.callTool("shout", Map.of("text", "ho"))).isNotError().hasText("HO");
	}

	@Test
	void revisionsAreFoundByTheirVersion() {
		assertThat(McpRevision.of("2026-07-28")).isEqualTo(McpRevision.V2026_07_28);
		assertThatIllegalArgumentException().isThrownBy(() -> McpRevision.of("2024-11-05"))
			.withMessageContaining("[2025-11-25, 2026-07-28]");
	}

	@ParameterizedTest
	@EnumSource(McpRevision.class)
	void logMessagesAreCapturedFromTheConfiguredLevel(McpRevision revision) {
		McpTestClient client = this.mcp.mutate().revision(revision).logLevel("info").build();
		assertThat(client.callTool("shout", Map.of("text", "hey"))).hasText("HEY").hasLogContaining("shouting hey");
		McpTestClient quiet = this.mcp.mutate().revision(revision).logLevel("error").build();
		assertThat(quiet.callTool("shout", Map.of("text", "hey")).logs()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(McpRevision.class)
	void samplingRequestsAreAnsweredWithTheConfiguredText(McpRevision revision) {
		McpTestClient client = this.mcp.mutate().revision(revision).samplingText("42").build();
		assertThat(client.callTool("ask_model", Map.of("question", "The answer?"))).isNotError()
			.hasText("the model says 42");
	}

	@ParameterizedTest
	@EnumSource(McpRevision.class)
	void headersAreSentWithEveryRequest(McpRevision revision) {
		McpTestClient client = this.mcp.mutate().revision(revision).bearerToken("t0k3n").build();
		assertThat(client.callTool("whoami", Map.of())).hasText("Bearer t0k3n");
	}

	@ParameterizedTest
	@EnumSource(McpRevision.class)
	void argumentsDeclaredAsHeadersAreMirroredIntoThem(McpRevision revision) {
		assertThat(this.mcp.withRevision(revision).callTool("routed", Map.of("region", "Zürich"))).isNotError()
			.hasText("routed to Zürich");
	}

	@Test
	void closedSessionIsReplacedOnTheNextRequest() {
		McpTestClient client = this.mcp.mutate().build();
		String first = client.sessionId();
		client.closeSession();
		assertThat(client.callTool("shout", Map.of("text", "again"))).hasText("AGAIN");
		assertThat(client.sessionId()).isNotEqualTo(first);
	}

	@Test
	void failedAssertionsSayWhatWasExpected() {
		ToolResult result = this.mcp.callTool("shout", Map.of("text", "x"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(result).isError())
			.withMessageContaining("isError");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(result).hasStructuredContent("/missing", 1))
			.withMessageContaining("/missing");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(result).hasText("y"))
			.withMessageContaining("\"X\"");
	}

	@Test
	void responseThatDoesNotEndInTimeFailsTheTest() {
		McpTestClient client = this.mcp.mutate().timeout(Duration.ofMillis(500)).build();
		long start = System.nanoTime();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> client.callTool("sleepy", Map.of("millis", 5000)))
			.withMessageContaining("PT0.5S");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void unknownToolThrowsTheJsonRpcError() {
		assertThatExceptionOfType(McpErrorException.class).isThrownBy(() -> this.mcp.callTool("nope", Map.of()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(-32602));
	}

}
