package dev.mcpspring.internal.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.CallToolResult;
import dev.mcpspring.Content;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpToolHandler;
import dev.mcpspring.McpToolRegistry;
import dev.mcpspring.Tool;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Mcp-Param-*} headers of 2026-07-28 {@code tools/call} requests: the arguments a
 * tool marks with {@code x-mcp-header} (through {@code @McpToolParam(header)} or its
 * registered schema) are listed so, need their header when they have a value, and the
 * header must equal the value (decoded from Base64, integers numerically, booleans
 * exactly); a 2025 session ignores these headers.
 */
@McpServerTest
class ParameterHeaderTests {

	@LocalServerPort
	private int port;

	@Autowired
	private McpToolRegistry tools;

	@Test
	void annotatedArgumentsAreListedWithTheirHeader() {
		McpTestClient client = client();
		client.connect();
		JsonNode properties = client.tool("headed").path("inputSchema").path("properties");
		assertThat(properties.path("region").path("x-mcp-header").asString()).isEqualTo("Region");
		assertThat(properties.path("priority").path("x-mcp-header").asString()).isEqualTo("Priority");
		assertThat(properties.path("verbose").path("x-mcp-header").asString()).isEqualTo("Verbose");
		assertThat(properties.path("note").has("x-mcp-header")).isFalse();
	}

	@Test
	void matchingHeadersAreAccepted() {
		McpResponse response = call(Map.of("region", "eu-west", "priority", 7, "verbose", true, "note", "n"),
				Map.of("Mcp-Param-Region", "eu-west", "Mcp-Param-Priority", "7", "Mcp-Param-Verbose", "true"));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.text()).isEqualTo("region=eu-west priority=7 verbose=true note=n");
	}

	@Test
	void headerNamesAreCaseInsensitive() {
		McpResponse response = call(Map.of("region", "eu-west"), Map.of("mcp-param-region", "eu-west"));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	@Test
	void argumentWithAValueNeedsItsHeader() {
		assertHeaderMismatch(call(Map.of("region", "eu-west"), Map.of()), "Mcp-Param-Region header is required");
		assertHeaderMismatch(call(Map.of("region", "eu-west", "priority", 7), Map.of("Mcp-Param-Region", "eu-west")),
				"Mcp-Param-Priority header is required");
	}

	@Test
	void headerDifferentFromTheArgumentIsHeaderMismatch() {
		assertHeaderMismatch(call(Map.of("region", "eu-west"), Map.of("Mcp-Param-Region", "us-east")),
				"does not match argument 'region'");
		assertHeaderMismatch(call(Map.of("region", "eu-west"), Map.of("Mcp-Param-Region", "EU-WEST")),
				"does not match");
	}

	@Test
	void absentOrNullArgumentNeedsNoHeader() {
		ObjectNode arguments = McpTestClient.JSON.createObjectNode().put("region", "eu-west");
		arguments.putNull("priority");
		McpResponse response = call(arguments, Map.of("Mcp-Param-Region", "eu-west"));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.text()).isEqualTo("region=eu-west priority=null verbose=null note=null");
	}

	@Test
	void headerOfAnArgumentWithoutValueIsHeaderMismatch() {
		assertHeaderMismatch(call(Map.of("region", "eu-west"), Map.of("Mcp-Param-Region", "eu-west",
				"Mcp-Param-Verbose", "true")), "argument 'verbose' of tool 'headed' has no value");
	}

	@Test
	void integersCompareNumerically() {
		assertThat(call(Map.of("region", "r", "priority", 42), Map.of("Mcp-Param-Region", "r", "Mcp-Param-Priority",
				"042")).status()).isEqualTo(200);
		assertThat(call(Map.of("region", "r", "priority", -3), Map.of("Mcp-Param-Region", "r", "Mcp-Param-Priority",
				"-3")).status()).isEqualTo(200);
		for (String header : List.of("43", "42.0", "4e1", "forty-two")) {
			assertHeaderMismatch(call(Map.of("region", "r", "priority", 42), Map.of("Mcp-Param-Region", "r",
					"Mcp-Param-Priority", header)), "Mcp-Param-Priority");
		}
	}

	@Test
	void booleansAreTrueOrFalse() {
		assertThat(call(Map.of("region", "r", "verbose", false), Map.of("Mcp-Param-Region", "r", "Mcp-Param-Verbose",
				"false")).status()).isEqualTo(200);
		for (String header : List.of("true", "FALSE", "0", "no")) {
			assertHeaderMismatch(call(Map.of("region", "r", "verbose", false), Map.of("Mcp-Param-Region", "r",
					"Mcp-Param-Verbose", header)), "Mcp-Param-Verbose");
		}
	}

	@Test
	void base64ValuesAreDecodedBeforeComparing() {
		McpResponse response = call(Map.of("region", "Zürich"), Map.of("Mcp-Param-Region", base64("Zürich")));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.text()).startsWith("region=Zürich ");
		assertThat(call(Map.of("region", " padded "), Map.of("Mcp-Param-Region", base64(" padded "))).status())
			.isEqualTo(200);
		assertThat(call(Map.of("region", "Hello"), Map.of("Mcp-Param-Region", "=?base64?SGVsbG8=?=")).status())
			.isEqualTo(200);
	}

	@Test
	void invalidBase64IsHeaderMismatch() {
		assertHeaderMismatch(call(Map.of("region", "Hello"), Map.of("Mcp-Param-Region", "=?base64?SGVsbG8?=")),
				"invalid Base64");
		assertHeaderMismatch(call(Map.of("region", "Hello"), Map.of("Mcp-Param-Region", "=?base64?SGVs!!!bG8=?=")),
				"invalid Base64");
	}

	@Test
	void valuesWithoutPrefixOrSuffixAreLiterals() {
		assertThat(call(Map.of("region", "SGVsbG8="), Map.of("Mcp-Param-Region", "SGVsbG8=")).status())
			.isEqualTo(200);
		assertThat(call(Map.of("region", "=?base64?SGVsbG8="), Map.of("Mcp-Param-Region", "=?base64?SGVsbG8="))
			.status()).isEqualTo(200);
		assertHeaderMismatch(call(Map.of("region", "Hello"), Map.of("Mcp-Param-Region", "=?base64?SGVsbG8=")),
				"does not match");
	}

	@Test
	void nameHeaderIsCheckedBeforeParameterHeaders() {
		McpResponse response = McpTestClient.forLocalServer(this.port)
			.stateless("tools/call", "echo")
			.json(McpTestClient.statelessBody(1, "tools/call",
					Map.of("name", "headed", "arguments", Map.of("region", "r")), Map.of()))
			.send();
		assertHeaderMismatch(response, "Mcp-Name");
	}

	@Test
	void registeredSchemaDeclaresHeadersToo() {
		ObjectNode schema = McpTestClient.JSON.createObjectNode().put("type", "object");
		schema.putObject("properties").putObject("tenant").put("type", "string").put("x-mcp-header", "Tenant");
		this.tools.register(new SchemaTool(schema));
		try {
			McpTestClient client = McpTestClient.forLocalServer(this.port);
			ObjectNode body = McpTestClient.statelessBody(1, "tools/call",
					Map.of("name", SchemaTool.NAME, "arguments", Map.of("tenant", "acme")), Map.of());
			McpResponse missing = client.stateless("tools/call", SchemaTool.NAME).json(body).send();
			assertHeaderMismatch(missing, "Mcp-Param-Tenant header is required");
			McpResponse matching = client.stateless("tools/call", SchemaTool.NAME)
				.header("Mcp-Param-Tenant", "acme")
				.json(body)
				.send();
			assertThat(matching.status()).as(matching.toString()).isEqualTo(200);
			assertThat(matching.text()).isEqualTo("{\"tenant\":\"acme\"}");
		}
		finally {
			this.tools.remove(SchemaTool.NAME);
		}
	}

	@Test
	void sessionCallsIgnoreParameterHeaders() {
		McpTestClient session = client();
		session.connect();
		assertThat(session.callTool("headed", Map.of("region", "eu-west")).text())
			.isEqualTo("region=eu-west priority=null verbose=null note=null");
		McpResponse mismatching = session.header("Mcp-Param-Region", "us-east")
			.callTool("headed", Map.of("region", "eu-west"));
		assertThat(mismatching.status()).isEqualTo(200);
		assertThat(mismatching.text()).startsWith("region=eu-west");
	}

	private McpTestClient client() {
		return McpTestClient.forLocalServer(this.port);
	}

	private McpResponse call(Object arguments, Map<String, String> headers) {
		McpTestClient.RawRequest request = client().stateless("tools/call", "headed");
		headers.forEach(request::header);
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("name", "headed");
		params.put("arguments", arguments);
		return request.json(McpTestClient.statelessBody(1, "tools/call", params, Map.of())).send();
	}

	private static String base64(String value) {
		return "=?base64?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
	}

	private static void assertHeaderMismatch(McpResponse response, String message) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.errorCode()).as(response.toString()).isEqualTo(-32020);
		assertThat(response.error().path("message").asString()).contains(message);
	}

	/**
	 * A tool registered with a schema of its own that marks an argument with
	 * {@code x-mcp-header}; it answers with its arguments.
	 */
	private record SchemaTool(ObjectNode schema) implements McpToolHandler {

		static final String NAME = "schema_headed";

		@Override
		public Tool tool() {
			return new Tool(NAME, null, "Takes a tenant mirrored into Mcp-Param-Tenant", this.schema, null, null,
					null);
		}

		@Override
		public CallToolResult call(ObjectNode arguments, McpContext context) {
			return CallToolResult.of(List.of(Content.text(arguments.toString())));
		}

	}

}
