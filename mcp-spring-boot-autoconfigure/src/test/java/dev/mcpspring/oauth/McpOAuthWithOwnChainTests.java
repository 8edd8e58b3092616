package dev.mcpspring.oauth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MCP authorization in an application with its own resource server filter chain, behind
 * a proxy: the configured canonical URL is the resource of the metadata and the audience
 * tokens must name; the application's open endpoint stays open; lists leave out what a
 * token may not call.
 */
class McpOAuthWithOwnChainTests {

	private static final String PUBLIC_RESOURCE = "https://reports.example.com/api/mcp";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static ConfigurableApplicationContext authorizationServer;

	private static ConfigurableApplicationContext application;

	private static String issuer;

	private static String base;

	@BeforeAll
	static void start() {
		authorizationServer = TestAuthorizationServer.start();
		issuer = "http://localhost:" + authorizationServer.getEnvironment().getProperty("local.server.port");
		application = OAuthMcpApplication.builder()
			.properties("server.port=0", "server.servlet.context-path=/api", "oauth-test.own-chain=true",
					"spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
					"mcp.server.oauth.resource=" + PUBLIC_RESOURCE, "mcp.server.oauth.hide-unauthorized=true")
			.run();
		base = "http://localhost:" + application.getEnvironment().getProperty("local.server.port") + "/api";
	}

	@AfterAll
	static void stop() {
		if (application != null) {
			application.close();
		}
		if (authorizationServer != null) {
			authorizationServer.close();
		}
	}

	@Test
	void metadataNamesTheConfiguredResource() throws Exception {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create(base + "/.well-known/oauth-protected-resource/mcp")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode metadata = McpTestClient.JSON.readTree(response.body());
		assertThat(metadata.path("resource").asString()).isEqualTo(PUBLIC_RESOURCE);
	}

	@Test
	void tokenMustNameTheConfiguredResource() {
		McpTestClient client = client(TestAuthorizationServer.token(issuer, "mcp-client", "mcp.tools", PUBLIC_RESOURCE));
		client.connect();
		assertThat(client.callTool("echo", Map.of("text", "hi")).text()).isEqualTo("hi");
		McpResponse refused = client(TestAuthorizationServer.token(issuer, "mcp-client", "mcp.tools", base + "/mcp"))
			.initialize(McpTestClient.LATEST_VERSION);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
	}

	@Test
	void listsLeaveOutWhatTheTokenMayNotCall() {
		McpTestClient reader = client(TestAuthorizationServer.token(issuer, "other-client", "mcp.tools", PUBLIC_RESOURCE));
		reader.connect();
		assertThat(reader.listAllTools()).extracting((tool) -> tool.path("name").asString())
			.containsExactlyInAnyOrder("echo", "whoami");
		McpTestClient writer = client(
				TestAuthorizationServer.token(issuer, "mcp-client", "mcp.tools reports.write", PUBLIC_RESOURCE));
		writer.connect();
		assertThat(writer.listAllTools()).extracting((tool) -> tool.path("name").asString())
			.containsExactlyInAnyOrder("echo", "whoami", "write_report");
	}

	@Test
	void theApplicationsOpenEndpointStaysOpen() throws Exception {
		HttpResponse<String> hello = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/hello")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(hello.statusCode()).isEqualTo(200);
		assertThat(hello.body()).isEqualTo("hello stranger");
	}

	private static McpTestClient client(String token) {
		return McpTestClient.forEndpoint(URI.create(base + "/mcp")).header("Authorization", "Bearer " + token);
	}

}
