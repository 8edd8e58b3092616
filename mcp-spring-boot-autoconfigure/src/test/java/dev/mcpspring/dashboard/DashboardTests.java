package dev.mcpspring.dashboard;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.tasks.Docket;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskSpec;
import dev.mcpspring.tasks.TaskStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The task dashboard without Spring Security, over real HTTP: the page, its assets and
 * API, live updates, the actions and their CSRF checks, and loopback-only access.
 */
@SpringBootTest(classes = DashboardApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "mcp.dashboard.enabled=true", "spring.autoconfigure.exclude="
				+ "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
class DashboardTests {

	@LocalServerPort
	private int port;

	@Autowired
	private Docket docket;

	private DashboardHttp http;

	@BeforeEach
	void client() {
		this.http = new DashboardHttp("http://127.0.0.1:" + this.port);
	}

	@Test
	void pageIsServedWithItsAssetsAndAContentSecurityPolicy() throws Exception {
		HttpResponse<String> page = this.http.get("/mcp-dashboard");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
		assertThat(page.headers().firstValue("Set-Cookie"))
			.hasValueSatisfying((cookie) -> assertThat(cookie).contains("MCP_DASHBOARD_TOKEN=").contains("HttpOnly")
				.contains("SameSite=Strict"));
		assertThat(page.body()).contains("<script src=\"/mcp-dashboard/dashboard.js\" defer></script>")
			.doesNotContain("<script>");
		HttpResponse<String> script = this.http.get("/mcp-dashboard/dashboard.js");
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(script.body()).contains("EventSource").doesNotContain("innerHTML");
		assertThat(this.http.get("/mcp-dashboard/dashboard.css").statusCode()).isEqualTo(200);
	}

	@Test
	void apiListsRunningTasksWithTheirProgressAndMessageAsData() throws Exception {
		TaskInfo task = this.docket.submit(TaskSpec.builder("slow").owner("alice").build());
		try {
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				String body = this.http.get("/mcp-dashboard/api/tasks?state=running").body();
				assertThat(body).contains("\"id\":\"" + task.id() + "\"").contains("\"owner\":\"alice\"")
					.contains("\"state\":\"RUNNING\"").contains("\"progress\":");
			});
			String snapshot = this.http.get("/mcp-dashboard/api/snapshot").body();
			assertThat(snapshot).contains("\"workers\":[{").contains(task.id()).contains("\"history\":")
				.contains("\"statusMessage\":\"" + DashboardApplication.HOSTILE_MESSAGE + "\"");
			assertThat(this.http.get("/mcp-dashboard/api/tasks?id=" + task.id()).body()).contains(task.id());
		}
		finally {
			this.docket.cancel(task.id(), "test over");
		}
	}

	@Test
	void liveUpdatesArriveAsServerSentEvents() throws Exception {
		TaskInfo task = this.docket.submit(TaskSpec.builder("slow").build());
		try {
			HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/mcp-dashboard/api/events"))
					.build(), HttpResponse.BodyHandlers.ofInputStream());
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				int snapshots = 0;
				for (String line = reader.readLine(); line != null && snapshots < 2; line = reader.readLine()) {
					if (line.startsWith("data:") && line.contains(task.id())) {
						snapshots++;
					}
				}
				assertThat(snapshots).isEqualTo(2);
			}
		}
		finally {
			this.docket.cancel(task.id(), "test over");
		}
	}

	@Test
	void cancelRetryAndPurgeWithThePageToken() throws Exception {
		String token = this.http.token();
		TaskInfo slow = this.docket.submit(TaskSpec.builder("slow").build());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.docket.get(slow.id()).map(TaskInfo::progress).isPresent());
		HttpResponse<String> cancelled = this.http.action("/mcp-dashboard/api/tasks/" + slow.id() + "/cancel", token);
		assertThat(cancelled.statusCode()).isEqualTo(200);
		assertThat(this.docket.get(slow.id()).map(TaskInfo::status)).contains(TaskStatus.CANCELLED);
		assertThat(this.http.action("/mcp-dashboard/api/tasks/" + slow.id() + "/cancel", token).statusCode())
			.isEqualTo(409);

		TaskInfo flaky = this.docket.submit(TaskSpec.builder("flaky").build());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.docket.get(flaky.id()).map(TaskInfo::status), (status) -> status.equals(Optional.of(TaskStatus.FAILED)));
		assertThat(this.http.action("/mcp-dashboard/api/tasks/" + flaky.id() + "/retry", token).statusCode())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.docket.get(flaky.id()).map(TaskInfo::status), (status) -> status.equals(Optional.of(TaskStatus.COMPLETED)));

		HttpResponse<String> purged = this.http.action("/mcp-dashboard/api/purge-finished", token);
		assertThat(purged.statusCode()).isEqualTo(200);
		assertThat(purged.body()).matches("\\{\"purged\":[1-9][0-9]*\\}");
		assertThat(this.docket.get(flaky.id())).isEmpty();
	}

	@Test
	void actionsWithoutTheTokenOrFromAnotherSiteAreRefused() throws Exception {
		String token = this.http.token();
		TaskInfo slow = this.docket.submit(TaskSpec.builder("slow").build());
		try {
			String cancel = "/mcp-dashboard/api/tasks/" + slow.id() + "/cancel";
			assertThat(this.http.post(cancel).statusCode()).isEqualTo(403);
			assertThat(this.http.post(cancel, "X-MCP-Dashboard-Token", token).statusCode()).isEqualTo(403);
			assertThat(this.http.post(cancel, "Cookie", "MCP_DASHBOARD_TOKEN=" + token, "X-MCP-Dashboard-Token",
					"0123456789abcdef0123456789abcdef").statusCode()).isEqualTo(403);
			assertThat(this.http.post(cancel, "Cookie", "MCP_DASHBOARD_TOKEN=" + token, "X-MCP-Dashboard-Token", token,
					"Origin", "https://evil.example").statusCode()).isEqualTo(403);
			assertThat(this.http.post(cancel, "Cookie", "MCP_DASHBOARD_TOKEN=" + token, "X-MCP-Dashboard-Token", token,
					"Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
			assertThat(this.http.get(cancel).statusCode()).isIn(404, 405);
			assertThat(this.docket.get(slow.id()).map(TaskInfo::status)).contains(TaskStatus.WORKING);
			assertThat(this.http.post(cancel, "Cookie", "MCP_DASHBOARD_TOKEN=" + token, "X-MCP-Dashboard-Token", token,
					"Origin", "http://127.0.0.1:" + this.port, "Sec-Fetch-Site", "same-origin").statusCode())
				.isEqualTo(200);
		}
		finally {
			this.docket.cancel(slow.id(), "test over");
		}
	}

	@Test
	void badParametersAreClientErrors() throws Exception {
		HttpResponse<String> state = this.http.get("/mcp-dashboard/api/tasks?state=sleeping");
		assertThat(state.statusCode()).isEqualTo(400);
		assertThat(state.body()).contains("Unknown state");
		assertThat(this.http.get("/mcp-dashboard/api/tasks?cursor=forged").statusCode()).isEqualTo(400);
		assertThat(this.http.get("/mcp-dashboard/api/tasks?id=" + "x".repeat(300)).statusCode()).isEqualTo(400);
	}

	@Test
	void requestsFromAnotherHostAreRefused() throws Exception {
		InetAddress address = Collections.list(NetworkInterface.getNetworkInterfaces())
			.stream()
			.flatMap((network) -> Collections.list(network.getInetAddresses()).stream())
			.filter((candidate) -> candidate instanceof Inet4Address && !candidate.isLoopbackAddress())
			.findFirst()
			.orElse(null);
		assumeTrue(address != null, "no non-loopback address");
		DashboardHttp remote = new DashboardHttp("http://" + address.getHostAddress() + ":" + this.port);
		assertThat(remote.get("/mcp-dashboard").statusCode()).isEqualTo(403);
		assertThat(remote.get("/mcp-dashboard/api/snapshot").statusCode()).isEqualTo(403);
		assertThat(this.http.get("/mcp-dashboard/api/snapshot").statusCode()).isEqualTo(200);
	}

}
