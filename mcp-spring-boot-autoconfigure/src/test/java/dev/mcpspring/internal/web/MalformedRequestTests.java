package dev.mcpspring.internal.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client mistakes get a precise HTTP status and JSON-RPC error, never a 500 or a stack
 * trace, and the server goes on serving normal calls afterwards (checked after every
 * test).
 */
@McpServerTest
class MalformedRequestTests {

	@LocalServerPort
	private int port;

	private McpTestClient client;

	@BeforeEach
	void connect() {
		this.client = McpTestClient.forLocalServer(this.port);
		this.client.connect();
	}

	@AfterEach
	void serverStillServesNormalCalls() {
		McpTestClient fresh = McpTestClient.forLocalServer(this.port);
		fresh.connect();
		assertThat(fresh.callTool("echo", Map.of("text", "still here")).text()).isEqualTo("still here");
	}

	@Test
	void invalidJsonIsParseError() {
		McpResponse response = this.client.raw().body("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ").send();
		assertClientError(response, 400, -32700);
		assertThat(response.response().get("id").isNull()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "\n" })
	void emptyBodyIsParseError(String body) {
		assertClientError(this.client.raw().body(body).send(), 400, -32700);
	}

	@Test
	void invalidUtf8IsParseError() {
		byte[] body = { '{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}' };
		assertClientError(this.client.raw().body(body).send(), 400, -32700);
	}

	@Test
	void excessivelyNestedJsonIsParseError() {
		String arguments = "[".repeat(5000) + "]".repeat(5000);
		String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
				+ "\"arguments\":{\"text\":" + arguments + "}}}";
		assertClientError(this.client.raw().body(body).send(), 400, -32700);
	}

	@Test
	void batchIsInvalidRequest() {
		McpResponse response = this.client.raw()
			.body("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}]")
			.send();
		assertClientError(response, 400, -32600);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"id\":1,\"method\":\"ping\"}", "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}",
			"{\"jsonrpc\":2.0,\"id\":1,\"method\":\"ping\"}", "{}", "\"ping\"", "42", "null",
			"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\"}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}",
			"{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}",
			"{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}",
			"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":[1,2]}",
			"{\"jsonrpc\":\"2.0\",\"id\":1}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{},\"error\":{}}" })
	void jsonThatIsNotJsonRpcIsInvalidRequest(String body) {
		assertClientError(this.client.raw().body(body).send(), 400, -32600);
	}

	@Test
	void invalidRequestEchoesTheIdWhenItCanBeRead() {
		McpResponse response = this.client.raw().body("{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"ping\"}").send();
		assertClientError(response, 400, -32600);
		assertThat(response.response().path("id").asInt()).isEqualTo(7);
	}

	@Test
	void unknownMethodIsMethodNotFound() {
		McpResponse response = this.client.request("no/such/method", Map.of());
		assertClientError(response, 200, -32601);
		assertThat(response.error().path("message").asString()).contains("no/such/method");
	}

	@Test
	void toolsCallWithoutNameIsInvalidParams() {
		assertClientError(this.client.request("tools/call", Map.of("arguments", Map.of())), 200, -32602);
	}

	@Test
	void toolsCallWithNonObjectArgumentsIsInvalidParams() {
		assertClientError(this.client.request("tools/call", Map.of("name", "echo", "arguments", "text")), 200,
				-32602);
	}

	@Test
	void toolsCallWithNonStringNameIsInvalidParams() {
		assertClientError(this.client.request("tools/call", Map.of("name", 12)), 200, -32602);
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "text/event-stream", "not a type" })
	void wrongContentTypeIsUnsupportedMediaType(String contentType) {
		McpResponse response = this.client.raw()
			.header("Content-Type", contentType)
			.json(McpTestClient.request(1, "ping", null))
			.send();
		assertClientError(response, 415, -32600);
	}

	@Test
	void missingContentTypeIsUnsupportedMediaType() {
		McpResponse response = this.client.raw()
			.withoutHeader("Content-Type")
			.json(McpTestClient.request(1, "ping", null))
			.send();
		assertClientError(response, 415, -32600);
	}

	@Test
	void jsonContentTypeWithCharsetIsAccepted() {
		McpResponse response = this.client.raw()
			.header("Content-Type", "application/json; charset=utf-8")
			.json(McpTestClient.request(1, "ping", null))
			.send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.result().isEmpty()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "text/event-stream", "text/html", "application/*",
			"application/json, text/event-stream;q=0" })
	void acceptLackingJsonOrEventStreamIsNotAcceptable(String accept) {
		McpResponse response = this.client.raw()
			.header("Accept", accept)
			.json(McpTestClient.request(1, "ping", null))
			.send();
		assertClientError(response, 406, -32600);
	}

	@Test
	void missingAcceptIsNotAcceptable() {
		McpResponse response = this.client.raw()
			.withoutHeader("Accept")
			.json(McpTestClient.request(1, "ping", null))
			.send();
		assertClientError(response, 406, -32600);
	}

	@Test
	void bodyLargerThanMaxRequestSizeIsPayloadTooLarge() {
		McpResponse response = this.client.raw().body(largeRequest()).send();
		assertClientError(response, 413, -32600);
	}

	@Test
	void chunkedBodyLargerThanMaxRequestSizeIsPayloadTooLarge() {
		McpResponse response = this.client.raw().chunkedBody(largeRequest()).send();
		assertClientError(response, 413, -32600);
	}

	@Test
	void bodyJustBelowMaxRequestSizeIsAccepted() {
		String padding = "x".repeat(McpServerTest.MAX_REQUEST_SIZE - 200);
		McpResponse response = this.client.callTool("echo", Map.of("text", padding));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text()).isEqualTo(padding);
	}

	@ParameterizedTest
	@ValueSource(strings = { "PUT", "PATCH" })
	void otherHttpMethodIsMethodNotAllowed(String method) {
		McpResponse response = this.client.raw().method(method).json(McpTestClient.request(1, "ping", null)).send();
		assertThat(response.status()).isEqualTo(405);
		assertNoInternals(response);
	}

	private static byte[] largeRequest() {
		String text = "x".repeat(McpServerTest.MAX_REQUEST_SIZE + 1024);
		return McpTestClient.JSON
			.writeValueAsString(McpTestClient.request(1, "tools/call",
					McpTestClient.toolCall("echo", Map.of("text", text), null)))
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Asserts an error answer to a client mistake: the status, a JSON-RPC error with the
	 * code, and nothing that looks like a stack trace or internal detail.
	 */
	static void assertClientError(McpResponse response, int status, int code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.isJson()).as(response.toString()).isTrue();
		assertThat(response.errorCode()).as(response.toString()).isEqualTo(code);
		assertThat(response.error().path("message").asString()).isNotBlank();
		assertNoInternals(response);
	}

	static void assertNoInternals(McpResponse response) {
		assertThat(response.body()).doesNotContain("Exception")
			.doesNotContain("\tat ")
			.doesNotContain(".java:")
			.doesNotContain("dev.mcpspring")
			.doesNotContain("springframework");
	}

}
