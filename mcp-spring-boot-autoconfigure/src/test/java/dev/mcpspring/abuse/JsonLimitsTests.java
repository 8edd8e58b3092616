package dev.mcpspring.abuse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.app.McpTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies beyond the {@code mcp.server.json.*} limits (set low here), and bodies
 * that are not strict UTF-8, are parse errors ({@code -32700}, HTTP 400) that name the
 * limit; bodies within them are served; the server stays healthy.
 */
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mcp.server.json.max-depth=16", "mcp.server.json.max-number-length=40",
				"mcp.server.json.max-name-length=100", "mcp.server.json.max-tokens=2000",
				"mcp.server.max-request-size=1MB" })
class JsonLimitsTests {

	@LocalServerPort
	private int port;

	private McpTestClient client;

	@BeforeEach
	void connect() {
		this.client = McpTestClient.forLocalServer(this.port);
		this.client.connect();
	}

	@AfterEach
	void serverStillAnswersPing() {
		assertThat(this.client.request("ping", null).result().isEmpty()).isTrue();
	}

	@Test
	void nestingBeyondMaxDepthIsParseErrorNamingTheLimit() {
		// the message, params and _meta take three levels
		assertThat(ping(nested(13)).status()).isEqualTo(200);
		assertParseError(ping(nested(14)), "mcp.server.json.max-depth");
	}

	@ParameterizedTest
	@ValueSource(ints = { 10_000, 100_000 })
	void deepNestingIsRefusedWithoutOverflowingTheStack(int depth) {
		String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"a\":" + "[".repeat(depth)
				+ "]".repeat(depth) + "}}";
		assertParseError(this.client.raw().body(body).send(), "mcp.server.json.max-depth");
	}

	@Test
	void numberLongerThanMaxNumberLengthIsParseError() {
		assertThat(ping("1".repeat(40)).status()).isEqualTo(200);
		assertParseError(ping("1".repeat(41)), "mcp.server.json.max-number-length");
		assertParseError(ping("0." + "1".repeat(100)), "mcp.server.json.max-number-length");
	}

	@Test
	void memberNameLongerThanMaxNameLengthIsParseError() {
		assertThat(ping("{\"" + "n".repeat(100) + "\":1}").status()).isEqualTo(200);
		assertParseError(ping("{\"" + "n".repeat(101) + "\":1}"), "mcp.server.json.max-name-length");
	}

	@Test
	void moreTokensThanMaxTokensIsParseError() {
		assertThat(ping("[" + "0,".repeat(1000) + "0]").status()).isEqualTo(200);
		assertParseError(ping("[" + "{},".repeat(1000) + "{}]"), "mcp.server.json.max-tokens");
	}

	@Test
	void longStringWithinMaxRequestSizeIsServed() {
		String text = "x".repeat(500_000);
		assertThat(this.client.callTool("echo", Map.of("text", text)).text()).isEqualTo(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "C0 80", "C1 BF", "E0 80 80", "F0 80 80 80", "ED A0 80", "ED BF BF", "ED A0 80 ED B0 80",
			"F4 90 80 80", "F5 80 80 80", "FF", "FE", "80", "BF", "C3 28", "E2 82", "F0 9F 98" })
	void invalidUtf8InTheIdIsParseError(String hex) {
		McpResponse response = this.client.raw().body(concat("{\"jsonrpc\":\"2.0\",\"id\":\"a", bytes(hex),
				"\",\"method\":\"ping\"}")).send();
		assertParseError(response, "UTF-8");
		assertThat(response.response().get("id").isNull()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "C0 80", "ED A0 80", "F4 90 80 80", "FF" })
	void invalidUtf8InParamsStringOrNameIsParseError(String hex) {
		assertParseError(this.client.raw().body(concat(
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"",
				bytes(hex), "\"}}}")).send(), "UTF-8");
		assertParseError(this.client.raw().body(concat("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"",
				bytes(hex), "\":1}}")).send(), "UTF-8");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\\uD800", "\\udfff", "\\uD83D", "x\\uDE00", "\\uD83D\\u0041", "\\uDE00\\uD83D" })
	void escapedLoneSurrogateIsParseError(String escape) {
		McpResponse response = this.client.raw()
			.body("{\"jsonrpc\":\"2.0\",\"id\":\"" + escape + "\",\"method\":\"ping\"}")
			.send();
		assertParseError(response, "surrogate");
		assertThat(response.response().get("id").isNull()).isTrue();
	}

	@Test
	void validMultibyteTextAndEscapedSurrogatePairsAreEchoedIntact() {
		String text = "é € 😀 \u0000 \u001f";
		McpResponse direct = this.client.callTool("echo", Map.of("text", text));
		assertThat(direct.text()).isEqualTo(text);
		McpResponse escaped = this.client.raw()
			.body("{\"jsonrpc\":\"2.0\",\"id\":\"\\uD83D\\uDE00\",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
					+ "\"arguments\":{\"text\":\"\\ud83d\\ude00 \\\\uD800\"}}}")
			.send();
		assertThat(escaped.status()).isEqualTo(200);
		assertThat(escaped.response().get("id").asString()).isEqualTo("😀");
		assertThat(escaped.text()).isEqualTo("😀 \\uD800");
	}

	@Test
	void utf16AndUtf32BodiesAreParseErrors() {
		String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
		assertParseError(this.client.raw().body(ping.getBytes(StandardCharsets.UTF_16LE)).send(), "NUL");
		assertParseError(this.client.raw().body(ping.getBytes(StandardCharsets.UTF_16BE)).send(), "NUL");
		assertParseError(this.client.raw().body(ping.getBytes(StandardCharsets.UTF_16)).send(), "UTF-8");
		assertParseError(this.client.raw().body(ping.getBytes(java.nio.charset.Charset.forName("UTF-32LE"))).send(),
				"NUL");
	}

	@Test
	void leadingUtf8ByteOrderMarkIsIgnored() {
		McpResponse response = this.client.raw()
			.body(concat("", bytes("EF BB BF"), "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}"))
			.send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.response().get("id").asInt()).isEqualTo(5);
	}

	@Test
	void duplicateMemberNamesAreParseError() {
		assertParseError(this.client.raw()
			.body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"method\":\"ping\"}")
			.send(), "repeats a member name");
		assertParseError(this.client.raw().body("{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"ping\"}").send(),
				"repeats a member name");
	}

	private McpResponse ping(String meta) {
		return this.client.raw()
			.body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"_meta\":{\"x\":" + meta + "}}}")
			.send();
	}

	private static String nested(int depth) {
		return "[".repeat(depth) + "]".repeat(depth);
	}

	private static void assertParseError(McpResponse response, String reason) {
		ClientErrors.assertAnswered(response);
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.errorCode()).as(response.toString()).isEqualTo(-32700);
		assertThat(response.error().path("message").asString()).as(response.toString()).contains(reason);
	}

	private static byte[] bytes(String hex) {
		return HexFormat.ofDelimiter(" ").parseHex(hex);
	}

	private static byte[] concat(String before, byte[] middle, String after) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
		out.writeBytes(middle);
		out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

}
