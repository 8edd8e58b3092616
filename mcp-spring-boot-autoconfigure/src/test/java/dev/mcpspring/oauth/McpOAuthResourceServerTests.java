package dev.mcpspring.oauth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MCP authorization over real HTTP: a Spring Authorization Server on a random port
 * issues the tokens; the MCP application (context path {@code /api}) is a resource
 * server of its issuer through Spring Boot's default chain, and the starter adds the
 * protected resource metadata, the challenges, the audience check and the scopes.
 */
class McpOAuthResourceServerTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static ConfigurableApplicationContext authorizationServer;

	private static ConfigurableApplicationContext application;

	private static String issuer;

	private static String base;

	private static String resource;

	@BeforeAll
	static void start() {
		authorizationServer = TestAuthorizationServer.start();
		issuer = "http://localhost:" + authorizationServer.getEnvironment().getProperty("local.server.port");
		application = OAuthMcpApplication.builder()
			.properties("server.port=0", "server.servlet.context-path=/api",
					"spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
					"mcp.server.oauth.scopes=mcp.tools")
			.run();
		base = "http://localhost:" + application.getEnvironment().getProperty("local.server.port") + "/api";
		resource = base + "/mcp";
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
	void metadataOfTheEndpointIsServedWithoutAToken() throws Exception {
		for (String path : List.of("/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource")) {
			HttpResponse<String> response = get(base + path, null);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			JsonNode metadata = McpTestClient.JSON.readTree(response.body());
			assertThat(metadata.path("resource").asString()).isEqualTo(resource);
			assertThat(metadata.path("authorization_servers").get(0).asString()).isEqualTo(issuer);
			assertThat(metadata.path("scopes_supported").valueStream().map(JsonNode::asString))
				.containsExactly("mcp.tools", "reports.write");
			assertThat(metadata.path("bearer_methods_supported").get(0).asString()).isEqualTo("header");
		}
	}

	@Test
	void requestWithoutATokenIsChallengedWithTheMetadataAndScopes() {
		McpResponse response = McpTestClient.forEndpoint(URI.create(resource)).initialize(McpTestClient.LATEST_VERSION);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer scope=\"mcp.tools\", resource_metadata=\""
				+ base + "/.well-known/oauth-protected-resource/mcp\"");
	}

	@Test
	void discoveryFromTheChallengeLeadsToTheAuthorizationServer() throws Exception {
		String challenge = McpTestClient.forEndpoint(URI.create(resource))
			.initialize(McpTestClient.LATEST_VERSION)
			.header("WWW-Authenticate");
		String metadataUrl = challenge.replaceAll(".*resource_metadata=\"([^\"]+)\".*", "$1");
		JsonNode metadata = McpTestClient.JSON.readTree(get(metadataUrl, null).body());
		String server = metadata.path("authorization_servers").get(0).asString();
		JsonNode serverMetadata = McpTestClient.JSON
			.readTree(get(server + "/.well-known/oauth-authorization-server", null).body());
		assertThat(serverMetadata.path("token_endpoint").asString()).isEqualTo(issuer + "/oauth2/token");
		assertThat(serverMetadata.path("code_challenge_methods_supported").valueStream().map(JsonNode::asString))
			.contains("S256");
	}

	@Test
	void validTokenCallsToolsAndRunsTasksAsItsSubject() {
		McpTestClient client = client(token("mcp-client", "mcp.tools", resource));
		client.connect();
		assertThat(client.callTool("echo", Map.of("text", "hi")).text()).isEqualTo("hi");
		String task = client.call("tools/call", Map.of("name", "whoami", "arguments", Map.of(), "task", Map.of()))
			.path("task")
			.path("taskId")
			.asString();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "completed"
				.equals(client.call("tasks/get", Map.of("taskId", task)).path("status").asString()));
		JsonNode result = client.call("tasks/result", Map.of("taskId", task));
		assertThat(result.path("content").get(0).path("text").asString()).isEqualTo("mcp-client");

		McpTestClient other = client(token("other-client", "mcp.tools", resource));
		other.connect();
		assertThat(other.request("tasks/get", Map.of("taskId", task)).errorCode()).isEqualTo(-32602);
		assertThat(other.call("tasks/list", Map.of()).path("tasks").size()).isZero();
	}

	@Test
	void authorizationCodeWithPkceTokenActsForTheUser() throws Exception {
		McpTestClient client = client(TestAuthorizationServer.userToken(issuer, resource));
		client.connect();
		assertThat(client.callTool("echo", Map.of("text", "hi")).text()).isEqualTo("hi");
		String task = client.call("tools/call", Map.of("name", "whoami", "arguments", Map.of(), "task", Map.of()))
			.path("task")
			.path("taskId")
			.asString();
		JsonNode result = client.call("tasks/result", Map.of("taskId", task));
		assertThat(result.path("content").get(0).path("text").asString()).isEqualTo(TestAuthorizationServer.USER);
	}

	@Test
	void tokenForAnotherResourceIsRefused() {
		assertInvalidToken(token("mcp-client", "mcp.tools", "http://localhost:1/other/mcp"));
		assertInvalidToken(token("mcp-client", "mcp.tools", null));
	}

	@Test
	void expiredTokenIsRefused() {
		Instant longAgo = Instant.now().minus(Duration.ofHours(1));
		assertInvalidToken(TestAuthorizationServer.sign(authorizationServer, Map.of("iss", issuer, "sub", "mcp-client",
				"aud", List.of(resource), "iat", longAgo, "exp", longAgo.plus(Duration.ofMinutes(5)))));
	}

	@Test
	void tokenOfAnotherIssuerIsRefused() {
		Instant now = Instant.now();
		assertInvalidToken(TestAuthorizationServer.sign(authorizationServer, Map.of("iss", "http://localhost:1",
				"sub", "mcp-client", "aud", List.of(resource), "iat", now, "exp", now.plus(Duration.ofMinutes(5)))));
	}

	@Test
	void toolNeedingAScopeTheTokenLacksIsForbiddenWithAStepUpChallenge() {
		McpTestClient other = client(token("other-client", "mcp.tools", resource));
		other.connect();
		McpResponse refused = other.callTool("write_report", Map.of("title", "q3"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer error=\"insufficient_scope\"")
			.contains("scope=\"reports.write\"")
			.contains("resource_metadata=\"" + base + "/.well-known/oauth-protected-resource/mcp\"");
		assertThat(refused.error().path("message").asString()).contains("reports.write");
		McpTestClient writer = client(token("mcp-client", "mcp.tools reports.write", resource));
		writer.connect();
		assertThat(writer.callTool("write_report", Map.of("title", "q3")).text()).isEqualTo("written q3");
	}

	@Test
	void promptsAndResourcesOfAScopedClassNeedItsScope() {
		McpTestClient other = client(token("other-client", "mcp.tools", resource));
		other.connect();
		McpResponse prompt = other.request("prompts/get", Map.of("name", "draft_report"));
		assertThat(prompt.status()).isEqualTo(403);
		assertThat(prompt.header("WWW-Authenticate")).contains("scope=\"reports.write\"");
		assertThat(other.request("resources/read", Map.of("uri", "drafts://7")).status()).isEqualTo(403);
		McpTestClient writer = client(token("mcp-client", "mcp.tools reports.write", resource));
		writer.connect();
		assertThat(writer.call("resources/read", Map.of("uri", "drafts://7")).path("contents").get(0).path("text")
			.asString()).isEqualTo("draft 7");
	}

	@Test
	void otherEndpointsKeepTheApplicationsSecurity() throws Exception {
		assertThat(get(base + "/hello", null).statusCode()).isEqualTo(401);
		// the audience is checked on the MCP endpoint only
		HttpResponse<String> hello = get(base + "/hello", token("mcp-client", "mcp.tools", null));
		assertThat(hello.statusCode()).isEqualTo(200);
		assertThat(hello.body()).isEqualTo("hello mcp-client");
	}

	private static void assertInvalidToken(String token) {
		McpResponse response = client(token).initialize(McpTestClient.LATEST_VERSION);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"")
			.endsWith("resource_metadata=\"" + base + "/.well-known/oauth-protected-resource/mcp\"");
	}

	private static McpTestClient client(String token) {
		return McpTestClient.forEndpoint(URI.create(resource)).header("Authorization", "Bearer " + token);
	}

	private static String token(String clientId, String scope, String resource) {
		return TestAuthorizationServer.token(issuer, clientId, scope, resource);
	}

	private static HttpResponse<String> get(String url, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
