package dev.mcpspring.internal.protocol;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lifecycle: initialize (version negotiation, capabilities, server info,
 * instructions), notifications/initialized, ping, and the logging level of a session.
 */
@McpServerTest
class LifecycleTests {

	@LocalServerPort
	private int port;

	@ParameterizedTest
	@ValueSource(strings = { "2025-11-25", "2025-06-18", "2025-03-26" })
	void initializeEchoesSupportedVersion(String version) {
		McpResponse response = McpTestClient.forLocalServer(this.port).initialize(version);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.isJson()).isTrue();
		assertThat(response.result().path("protocolVersion").asString()).isEqualTo(version);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2024-11-05", "1999-01-01", "2026-07-28", "next" })
	void initializeWithUnsupportedVersionOffersLatest(String version) {
		McpResponse response = McpTestClient.forLocalServer(this.port).initialize(version);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.result().path("protocolVersion").asString()).isEqualTo("2025-11-25");
		assertThat(response.header(McpTestClient.SESSION_ID)).isNotBlank();
	}

	@Test
	void initializeAnnouncesLoggingAndToolListChanges() {
		JsonNode capabilities = McpTestClient.forLocalServer(this.port).connect().path("capabilities");
		assertThat(capabilities.path("logging").isObject()).as(capabilities.toString()).isTrue();
		assertThat(capabilities.path("tools").path("listChanged").asBoolean()).as(capabilities.toString()).isTrue();
	}

	@Test
	void initializeReportsServerInfoFromProperties() {
		JsonNode serverInfo = McpTestClient.forLocalServer(this.port).connect().path("serverInfo");
		assertThat(serverInfo.path("name").asString()).isEqualTo("test-server");
		assertThat(serverInfo.path("title").asString()).isEqualTo("Test Server");
		assertThat(serverInfo.path("version").asString()).isEqualTo("9.9.9");
	}

	@Test
	void initializeSendsInstructionsFromProperties() {
		JsonNode result = McpTestClient.forLocalServer(this.port).connect();
		assertThat(result.path("instructions").asString()).isEqualTo(McpServerTest.INSTRUCTIONS);
	}

	@Test
	void initializeWithoutProtocolVersionIsInvalidParams() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		McpResponse response = client
			.send(McpTestClient.request(1, "initialize", Map.of("capabilities", Map.of(), "clientInfo",
					Map.of("name", "c", "version", "1"))));
		assertThat(response.errorCode()).isEqualTo(-32602);
		assertThat(response.header(McpTestClient.SESSION_ID)).isNull();
	}

	@Test
	void initializeWithNonObjectCapabilitiesIsInvalidParams() {
		McpResponse response = McpTestClient.forLocalServer(this.port)
			.send(McpTestClient.request(1, "initialize",
					Map.of("protocolVersion", "2025-11-25", "capabilities", List.of("tools"))));
		assertThat(response.errorCode()).isEqualTo(-32602);
	}

	@Test
	void initializedNotificationIsAccepted() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.initialize(McpTestClient.LATEST_VERSION);
		McpResponse response = client.notify("notifications/initialized", null);
		assertThat(response.status()).isEqualTo(202);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void pingAnswersEmptyObject() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		McpResponse response = client.request("ping", null);
		assertThat(response.isJson()).isTrue();
		assertThat(response.result().isObject()).isTrue();
		assertThat(response.result().isEmpty()).isTrue();
	}

	@Test
	void allLogMessagesAreSentBeforeALevelIsSet() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		List<JsonNode> messages = client.callTool("log_levels", null).notifications("notifications/message");
		assertThat(messages).extracting((message) -> message.at("/params/level").asString())
			.containsExactly("debug", "info", "warning", "error");
		assertThat(messages.get(0).at("/params/data").asString()).isEqualTo("debug message");
		assertThat(messages.get(3).at("/params/logger").asString()).isEqualTo("tests");
	}

	@Test
	void setLevelFiltersLogMessagesBelowTheLevel() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		JsonNode result = client.call("logging/setLevel", Map.of("level", "warning"));
		assertThat(result.isEmpty()).isTrue();
		List<JsonNode> messages = client.callTool("log_levels", null).notifications("notifications/message");
		assertThat(messages).extracting((message) -> message.at("/params/level").asString())
			.containsExactly("warning", "error");
	}

	@Test
	void setLevelAboveEveryMessageLeavesPlainJsonResponse() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		client.call("logging/setLevel", Map.of("level", "emergency"));
		McpResponse response = client.callTool("log_levels", null);
		assertThat(response.isJson()).as(response.toString()).isTrue();
		assertThat(response.text()).isEqualTo("logged");
	}

	@Test
	void setLevelAppliesToItsSessionOnly() {
		McpTestClient quiet = McpTestClient.forLocalServer(this.port);
		quiet.connect();
		quiet.call("logging/setLevel", Map.of("level", "error"));
		McpTestClient chatty = McpTestClient.forLocalServer(this.port);
		chatty.connect();
		assertThat(chatty.callTool("log_levels", null).notifications("notifications/message")).hasSize(4);
		assertThat(quiet.callTool("log_levels", null).notifications("notifications/message")).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "verbose", "WARNING", "" })
	void setLevelWithInvalidLevelIsInvalidParams(String level) {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		McpResponse response = client.request("logging/setLevel", Map.of("level", level));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.errorCode()).isEqualTo(-32602);
	}

	@Test
	void setLevelWithoutLevelIsInvalidParams() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		assertThat(client.request("logging/setLevel", Map.of()).errorCode()).isEqualTo(-32602);
		assertThat(client.request("logging/setLevel", Map.of("level", 3)).errorCode()).isEqualTo(-32602);
	}

}
