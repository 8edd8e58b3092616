package dev.mcpspring.internal.web;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stateless requests of protocol 2026-07-28 on the endpoint that serves the 2025
 * sessions: {@code server/discover}, the methods of the revision with their
 * {@code _meta} envelope and headers, the revision's errors with their HTTP status, and
 * a session client served alongside.
 */
@McpServerTest
class StatelessRequestTests {

	@LocalServerPort
	private int port;

	@Autowired
	private McpAsyncCalls calls;

	@Test
	void discoverDescribesTheServer() {
		McpResponse response = client().statelessRequest("server/discover", Map.of());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header(McpTestClient.SESSION_ID)).isNull();
		JsonNode result = response.result();
		assertThat(result.path("resultType").asString()).isEqualTo("complete");
		assertThat(result.path("supportedVersions").valueStream().map(JsonNode::asString).toList())
			.containsExactly("2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26");
		assertThat(result.path("capabilities").has("tools")).isTrue();
		assertThat(result.path("capabilities").path("extensions").isObject()).isTrue();
		assertThat(result.path("capabilities").has("tasks")).isFalse();
		assertThat(result.path("capabilities").path("tools").path("listChanged").asBoolean()).isTrue();
		assertThat(result.path("capabilities").path("resources").path("subscribe").asBoolean()).isTrue();
		assertThat(result.path("instructions").asString()).isEqualTo(McpServerTest.INSTRUCTIONS);
		assertThat(result.path("ttlMs").isIntegralNumber()).isTrue();
		assertThat(result.path("cacheScope").asString()).isIn("public", "private");
		JsonNode serverInfo = result.path("_meta").path("io.modelcontextprotocol/serverInfo");
		assertThat(serverInfo.path("name").asString()).isEqualTo("test-server");
		assertThat(serverInfo.path("version").asString()).isEqualTo("9.9.9");
	}

	@Test
	void discoverNeedsNoClientInfo() {
		ObjectNode body = McpTestClient.statelessBody(1, "server/discover", Map.of(), Map.of());
		((ObjectNode) body.path("params").path("_meta")).remove("io.modelcontextprotocol/clientInfo");
		McpResponse response = client().stateless("server/discover", null).json(body).send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.result().path("resultType").asString()).isEqualTo("complete");
	}

	@Test
	void listsAndCallsTools() {
		McpTestClient client = client();
		McpResponse list = client.statelessRequest("tools/list", Map.of());
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.result().path("tools").size()).isPositive();
		assertStamped(list.result(), true);
		McpResponse call = client.statelessRequest("tools/call",
				Map.of("name", "echo", "arguments", Map.of("text", "hello")));
		assertThat(call.status()).isEqualTo(200);
		assertThat(call.header(McpTestClient.SESSION_ID)).isNull();
		assertThat(call.text()).isEqualTo("hello");
		assertStamped(call.result(), false);
	}

	@Test
	void servesResources() {
		McpTestClient client = client();
		McpResponse list = client.statelessRequest("resources/list", Map.of());
		assertThat(list.result().path("resources").size()).isPositive();
		assertStamped(list.result(), true);
		McpResponse templates = client.statelessRequest("resources/templates/list", Map.of());
		assertThat(templates.result().path("resourceTemplates").size()).isPositive();
		assertStamped(templates.result(), true);
		McpResponse read = client.statelessRequest("resources/read", Map.of("uri", "notes://today"));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.result().path("contents").get(0).path("uri").asString()).isEqualTo("notes://today");
		assertStamped(read.result(), true);
	}

	@Test
	void unknownResourceIsInvalidParams() {
		McpResponse response = client().statelessRequest("resources/read", Map.of("uri", "notes://nowhere"));
		assertThat(response.errorCode()).isEqualTo(-32602);
	}

	@Test
	void servesPromptsAndCompletions() {
		McpTestClient client = client();
		McpResponse list = client.statelessRequest("prompts/list", Map.of());
		assertThat(list.result().path("prompts").size()).isPositive();
		assertStamped(list.result(), true);
		McpResponse get = client.statelessRequest("prompts/get", Map.of("name", "greeting"));
		assertThat(get.status()).isEqualTo(200);
		assertThat(get.result().path("messages").size()).isPositive();
		assertStamped(get.result(), false);
		McpResponse complete = client.statelessRequest("completion/complete", Map.of("ref",
				Map.of("type", "ref/prompt", "name", "trip"), "argument", Map.of("name", "city", "value", "")));
		assertThat(complete.status()).isEqualTo(200);
		assertThat(complete.result().path("completion").path("values").isArray()).isTrue();
		assertStamped(complete.result(), false);
	}

	@Test
	void contextHasNoSessionAndTheStatelessVersion() {
		McpResponse response = client().statelessRequest("tools/call",
				Map.of("name", "context_current", "arguments", Map.of()));
		JsonNode report = response.result().path("structuredContent");
		assertThat(report.path("sessionId").isNull() || report.path("sessionId").isMissingNode()).isTrue();
		assertThat(report.path("protocolVersion").asString()).isEqualTo("2026-07-28");
	}

	@Test
	void logsNothingWithoutALogLevel() {
		McpResponse response = client().statelessRequest("tools/call",
				Map.of("name", "log_levels", "arguments", Map.of()));
		assertThat(response.isJson()).isTrue();
		assertThat(response.text()).isEqualTo("logged");
	}

	@Test
	void logsFromTheLevelInMeta() {
		McpResponse response = client().stateless("tools/call", "log_levels")
			.json(McpTestClient.statelessBody(1, "tools/call", Map.of("name", "log_levels", "arguments", Map.of()),
					Map.of("io.modelcontextprotocol/logLevel", "warning")))
			.send();
		assertThat(response.notifications("notifications/message")).extracting((message) -> message.path("params")
			.path("level")
			.asString()).containsExactly("warning", "error");
		assertThat(response.text()).isEqualTo("logged");
	}

	@Test
	void unknownLogLevelIsInvalidParams() {
		McpResponse response = client().stateless("server/discover", null)
			.json(McpTestClient.statelessBody(1, "server/discover", Map.of(),
					Map.of("io.modelcontextprotocol/logLevel", "loud")))
			.send();
		assertError(response, 400, -32602);
	}

	@Test
	void reportsProgressOnTheResponseStream() {
		McpResponse response = client().stateless("tools/call", "progress")
			.json(McpTestClient.statelessBody(1, "tools/call", Map.of("name", "progress", "arguments",
					Map.of("steps", 3)), Map.of("progressToken", "p1")))
			.send();
		assertThat(response.isEventStream()).isTrue();
		assertThat(response.notifications("notifications/progress")).hasSize(3);
		assertThat(response.text()).isEqualTo("done 3");
		assertThat(response.header(McpTestClient.SESSION_ID)).isNull();
	}

	@Test
	void closingTheResponseCancelsTheCall() {
		McpTestClient client = client();
		try (McpEventStream call = client.stateless("tools/call", "block_until_cancelled")
			.json(McpTestClient.statelessBody(1, "tools/call",
					Map.of("name", "block_until_cancelled", "arguments", Map.of()),
					Map.of("io.modelcontextprotocol/logLevel", "info")))
			.stream()) {
			assertThat(call.nextNotification("notifications/message", McpTestClient.TIMEOUT).at("/params/data")
				.asString()).isEqualTo("started");
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> this.calls.activeCount() == 0);
	}

	@Test
	void toolNeedingACapabilityTheClientDidNotDeclareIsRefusedNamingIt() {
		McpResponse response = client().statelessRequest("tools/call",
				Map.of("name", "summarize", "arguments", Map.of("text", "a long text")));
		assertError(response, 400, -32021);
		assertThat(response.error().at("/data/requiredCapabilities/sampling").isObject()).as(response.toString())
			.isTrue();
	}

	@Test
	void requestsToTheClientBecomeAnInputRequiredRound() {
		McpTestClient client = client();
		McpResponse response = client.stateless("tools/call", "summarize")
			.json(McpTestClient.statelessBody(client.nextId(), "tools/call",
					Map.of("name", "summarize", "arguments", Map.of("text", "a long text")),
					Map.of("io.modelcontextprotocol/clientCapabilities", Map.of("sampling", Map.of()))))
			.send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.result().path("resultType").asString()).isEqualTo("input_required");
		assertThat(response.result().path("inputRequests").path("sample-1").path("method").asString())
			.isEqualTo("sampling/createMessage");
	}

	@Test
	void toolThatRunsOnlyAsTaskNeedsTheTasksExtension() {
		McpResponse response = client().statelessRequest("tools/call",
				Map.of("name", "task_only", "arguments", Map.of()));
		assertError(response, 400, -32021);
		assertThat(response.error().path("data").path("requiredCapabilities").path("extensions")
			.has("io.modelcontextprotocol/tasks")).isTrue();
	}

	@Test
	void legacyTaskParamIsIgnored() {
		McpResponse response = client().statelessRequest("tools/call",
				Map.of("name", "echo", "arguments", Map.of("text", "direct"), "task", Map.of("ttl", 60000)));
		assertThat(response.text()).isEqualTo("direct");
		assertThat(response.result().path("resultType").asString()).isEqualTo("complete");
	}

	@Test
	void missingMetaIsInvalidParams() {
		McpResponse response = client().stateless("server/discover", null)
			.json(McpTestClient.request(7, "server/discover", Map.of()))
			.send();
		assertError(response, 400, -32602);
		assertThat(response.json().path("id").asInt()).isEqualTo(7);
	}

	@ParameterizedTest
	@ValueSource(strings = { "io.modelcontextprotocol/protocolVersion", "io.modelcontextprotocol/clientCapabilities" })
	void missingRequiredMetaFieldIsInvalidParams(String field) {
		ObjectNode body = McpTestClient.statelessBody(8, "server/discover", Map.of(), Map.of());
		((ObjectNode) body.path("params").path("_meta")).remove(field);
		McpResponse response = client().stateless("server/discover", null).json(body).send();
		assertError(response, 400, -32602);
		assertThat(response.json().path("id").asInt()).isEqualTo(8);
	}

	@Test
	void headerVersionDifferentFromMetaIsHeaderMismatch() {
		McpResponse response = client().stateless("server/discover", null)
			.json(McpTestClient.statelessBody(1, "server/discover", Map.of(),
					Map.of("io.modelcontextprotocol/protocolVersion", "v999.0.0")))
			.send();
		assertError(response, 400, -32020);
	}

	@Test
	void unsupportedVersionListsTheSupportedOnes() {
		McpResponse response = client().stateless("server/discover", null)
			.header(McpTestClient.PROTOCOL_VERSION, "v999.0.0")
			.json(McpTestClient.statelessBody(3, "server/discover", Map.of(),
					Map.of("io.modelcontextprotocol/protocolVersion", "v999.0.0")))
			.send();
		assertError(response, 400, -32022);
		JsonNode data = response.error().path("data");
		assertThat(data.path("requested").asString()).isEqualTo("v999.0.0");
		assertThat(data.path("supported").valueStream().map(JsonNode::asString).toList()).contains("2026-07-28");
		assertThat(response.json().path("id").asInt()).isEqualTo(3);
	}

	@Test
	void methodHeaderIsRequiredAndMustMatch() {
		McpTestClient client = client();
		ObjectNode body = McpTestClient.statelessBody(1, "tools/list", Map.of(), Map.of());
		assertError(client.stateless("tools/list", null).withoutHeader("Mcp-Method").json(body).send(), 400, -32020);
		assertError(client.stateless("TOOLS/LIST", null).json(body).send(), 400, -32020);
		assertThat(client.stateless("tools/list", null).withoutHeader("Mcp-Method").header("mcp-method",
				"tools/list").json(body).send().status()).isEqualTo(200);
		assertThat(client.stateless("tools/list", null).withoutHeader("Mcp-Method").header("MCP-METHOD",
				"tools/list").json(body).send().status()).isEqualTo(200);
	}

	@Test
	void nameHeaderIsRequiredAndMustMatch() {
		McpTestClient client = client();
		ObjectNode body = McpTestClient.statelessBody(1, "tools/call",
				Map.of("name", "echo", "arguments", Map.of("text", "x")), Map.of());
		assertError(client.stateless("tools/call", null).json(body).send(), 400, -32020);
		assertError(client.stateless("tools/call", "fail").json(body).send(), 400, -32020);
		assertThat(client.stateless("tools/call", "  echo  ").json(body).send().text()).isEqualTo("x");
		assertThat(client.stateless("tools/call", "=?base64?ZWNobw==?=").json(body).send().text()).isEqualTo("x");
		assertError(client.stateless("tools/call", "=?base64?ZWNobw?=").json(body).send(), 400, -32020);
		assertError(client.stateless("tools/call", "=?base64?ZW!!bw==?=").json(body).send(), 400, -32020);
	}

	@Test
	void nameHeaderOfResourceReadIsTheUri() {
		McpTestClient client = client();
		ObjectNode body = McpTestClient.statelessBody(1, "resources/read", Map.of("uri", "notes://today"), Map.of());
		assertError(client.stateless("resources/read", "notes://yesterday").json(body).send(), 400, -32020);
		assertThat(client.stateless("resources/read", "notes://today").json(body).send().status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "initialize", "ping", "logging/setLevel", "resources/subscribe",
			"resources/unsubscribe", "unknown/method" })
	void removedOrUnknownMethodIsNotFound(String method) {
		McpResponse response = client().stateless(method, null)
			.json(McpTestClient.statelessBody(5, method, Map.of("uri", "notes://today"), Map.of()))
			.send();
		assertError(response, 404, -32601);
		assertThat(response.json().path("id").asInt()).isEqualTo(5);
	}

	@Test
	void notificationIsAccepted() {
		McpTestClient client = client();
		McpResponse response = client.stateless("notifications/cancelled", null)
			.json(McpTestClient.notification("notifications/cancelled",
					Map.of("requestId", 1, "_meta",
							Map.of("io.modelcontextprotocol/protocolVersion", "2026-07-28",
									"io.modelcontextprotocol/clientCapabilities", Map.of()))))
			.send();
		assertThat(response.status()).isEqualTo(202);
		assertThat(response.header(McpTestClient.SESSION_ID)).isNull();
	}

	@Test
	void getAndDeleteAreNotAllowedForStatelessClients() {
		McpTestClient client = client();
		McpResponse get = client.stateless("server/discover", null)
			.method("GET")
			.withoutHeader("Content-Type")
			.header("Accept", "text/event-stream")
			.send();
		assertThat(get.status()).isEqualTo(405);
		assertThat(get.header("Allow")).isEqualTo("POST");
		McpResponse delete = client.stateless("server/discover", null).method("DELETE").send();
		assertThat(delete.status()).isEqualTo(405);
	}

	@Test
	void sessionClientIsServedAlongside() {
		McpTestClient session = client();
		session.connect();
		McpTestClient stateless = client();
		assertThat(stateless.statelessRequest("tools/call", Map.of("name", "echo", "arguments",
				Map.of("text", "stateless"))).text()).isEqualTo("stateless");
		McpResponse call = session.callTool("echo", Map.of("text", "session"));
		assertThat(call.text()).isEqualTo("session");
		assertThat(call.result().has("resultType")).isFalse();
		assertThat(session.request("ping", Map.of()).status()).isEqualTo(200);
		assertThat(stateless.statelessRequest("tools/list", Map.of()).status()).isEqualTo(200);
		assertThat(session.request("tools/list", Map.of()).result().has("ttlMs")).isFalse();
	}

	@Test
	void sessionRequestNamingTheStatelessVersionIsRefusedAsBefore() {
		McpTestClient session = client();
		session.connect();
		McpResponse response = session.raw()
			.header(McpTestClient.PROTOCOL_VERSION, "2026-07-28")
			.json(McpTestClient.request(1, "tools/list", Map.of()))
			.send();
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo(-32600);
	}

	@Test
	void initializeWithoutMetaStillOpensASession() {
		McpTestClient client = client();
		McpResponse response = client.initialize("2026-07-28");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header(McpTestClient.SESSION_ID)).isNotNull();
		assertThat(response.result().path("protocolVersion").asString()).isEqualTo(McpTestClient.LATEST_VERSION);
	}

	private McpTestClient client() {
		return McpTestClient.forLocalServer(this.port);
	}

	private static void assertStamped(JsonNode result, boolean cacheable) {
		assertThat(result.path("resultType").asString()).isEqualTo("complete");
		assertThat(result.path("_meta").path("io.modelcontextprotocol/serverInfo").path("name").asString())
			.isEqualTo("test-server");
		assertThat(result.has("ttlMs")).isEqualTo(cacheable);
		assertThat(result.has("cacheScope")).isEqualTo(cacheable);
		if (cacheable) {
			// the defaults: not cached, and only for the client that asked
			assertThat(result.path("ttlMs").asLong()).isZero();
			assertThat(result.path("cacheScope").asString()).isEqualTo("private");
		}
	}

	private static void assertError(McpResponse response, int status, int code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.errorCode()).as(response.toString()).isEqualTo(code);
		assertThat(response.header(McpTestClient.SESSION_ID)).isNull();
	}

}
