package dev.mcpspring.servletpath;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mcp.server.path} is relative to the DispatcherServlet's mapping: with
 * {@code spring.mvc.servlet.path=/dispatch} the endpoint is
 * {@code <context path>/dispatch/mcp}, and a Spring Security CSRF exclusion names it by
 * the same relative path, {@code /mcp}, while CSRF protection stays on for the
 * application's own endpoints.
 */
@SpringBootTest(classes = ServletPathApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.servlet.context-path=/app",
				"spring.mvc.servlet.path=" + ServletPathApplication.SERVLET_PATH, "mcp.server.path=/mcp" })
class ServletPathTests {

	@LocalServerPort
	private int port;

	@Test
	void endpointIsUnderServletPathAndItsCsrfExclusionUsesThatPath() {
		McpTestClient client = McpTestClient.forLocalServer(this.port, "/app/dispatch/mcp");
		client.connect();
		assertThat(client.callTool("echo", Map.of("text", "via /dispatch")).text()).isEqualTo("via /dispatch");
		try (var stream = client.openStream()) {
			assertThat(stream.status()).isEqualTo(200);
		}
		assertThat(client.delete().status()).isBetween(200, 204);
	}

	@Test
	void endpointIsNotServedWithoutTheServletPath() {
		for (String path : new String[] { "/app/mcp", "/mcp", "/dispatch/mcp" }) {
			assertThat(McpTestClient.forLocalServer(this.port, path).initialize(McpTestClient.LATEST_VERSION).status())
				.as(path)
				.isIn(403, 404);
		}
	}

	@Test
	void csrfProtectionStaysOnForTheApplicationsOwnEndpoints() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/app/dispatch/orders"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
	}

}
