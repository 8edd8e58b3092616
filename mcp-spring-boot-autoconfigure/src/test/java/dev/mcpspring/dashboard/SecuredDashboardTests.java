package dev.mcpspring.dashboard;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task dashboard with Spring Security: only users with {@code ROLE_MCP_ADMIN}, and
 * actions need Spring Security's CSRF token as well as the page's.
 */
@SpringBootTest(classes = DashboardApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "mcp.dashboard.enabled=true",
			"spring.profiles.active=secured" })
class SecuredDashboardTests {

	@LocalServerPort
	private int port;

	private DashboardHttp http;

	@BeforeEach
	void client() {
		this.http = new DashboardHttp("http://127.0.0.1:" + this.port);
	}

	@Test
	void anonymousUserIsChallenged() throws Exception {
		assertThat(this.http.get("/mcp-dashboard").statusCode()).isEqualTo(401);
	}

	@Test
	void userWithoutTheAuthorityIsRefused() throws Exception {
		assertThat(this.http.get("/mcp-dashboard", "Authorization", basic("user")).statusCode()).isEqualTo(403);
		assertThat(this.http.get("/mcp-dashboard/api/snapshot", "Authorization", basic("user")).statusCode())
			.isEqualTo(403);
	}

	@Test
	void userWithTheAuthoritySeesThePageAndActsWithBothCsrfTokens() throws Exception {
		HttpResponse<String> page = this.http.get("/mcp-dashboard", "Authorization", basic("admin"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(this.http.get("/mcp-dashboard/api/snapshot", "Authorization", basic("admin")).statusCode())
			.isEqualTo(200);
		String token = meta(page.body(), "mcp-dashboard-token");
		String csrf = meta(page.body(), "mcp-dashboard-csrf-token");
		assertThat(meta(page.body(), "mcp-dashboard-csrf-header")).isEqualTo("X-CSRF-TOKEN");
		String cookies = String.join("; ", page.headers()
			.allValues("Set-Cookie")
			.stream()
			.map((cookie) -> cookie.substring(0, cookie.indexOf(';')))
			.toList());
		String purge = "/mcp-dashboard/api/purge-finished";
		assertThat(this.http.post(purge, "Authorization", basic("admin"), "Cookie", cookies, "X-MCP-Dashboard-Token",
				token).statusCode()).as("without Spring Security's CSRF token").isIn(401, 403);
		assertThat(this.http.post(purge, "Authorization", basic("admin"), "Cookie", cookies, "X-MCP-Dashboard-Token",
				token, "X-CSRF-TOKEN", csrf).statusCode()).isEqualTo(200);
		assertThat(this.http.post(purge, "Authorization", basic("user"), "Cookie", cookies, "X-MCP-Dashboard-Token",
				token, "X-CSRF-TOKEN", csrf).statusCode()).isEqualTo(403);
	}

	private static String meta(String page, String name) {
		Matcher matcher = Pattern.compile("name=\"" + name + "\" content=\"([^\"]*)\"").matcher(page);
		assertThat(matcher.find()).as(name).isTrue();
		return matcher.group(1);
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8));
	}

}
