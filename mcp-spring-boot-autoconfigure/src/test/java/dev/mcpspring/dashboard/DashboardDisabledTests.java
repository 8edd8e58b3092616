package dev.mcpspring.dashboard;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task dashboard is off unless enabled.
 */
@SpringBootTest(classes = DashboardApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.autoconfigure.exclude="
				+ "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
class DashboardDisabledTests {

	@LocalServerPort
	private int port;

	@Test
	void dashboardIsNotServed() throws Exception {
		DashboardHttp http = new DashboardHttp("http://127.0.0.1:" + this.port);
		assertThat(http.get("/mcp-dashboard").statusCode()).isEqualTo(404);
		assertThat(http.get("/mcp-dashboard/api/snapshot").statusCode()).isEqualTo(404);
	}

}
