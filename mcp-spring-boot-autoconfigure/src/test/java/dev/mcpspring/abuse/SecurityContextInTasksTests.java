package dev.mcpspring.abuse;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker runs a task as its submitter without any Java serialization: the
 * authentication is rebuilt from the principal's name and authority names, by default as
 * an authenticated token, or by the application's {@code McpTaskAuthenticationResolver}.
 * Real HTTP with HTTP Basic users.
 */
class SecurityContextInTasksTests {

	private ConfigurableApplicationContext application;

	@AfterEach
	void stop() {
		if (this.application != null) {
			this.application.close();
		}
	}

	private String whoamiInATask(String... properties) {
		String[] args = new String[properties.length + 1];
		args[0] = "--server.port=0";
		System.arraycopy(properties, 0, args, 1, properties.length);
		this.application = AbuseApplication.builder().run(args);
		int port = Integer.parseInt(this.application.getEnvironment().getProperty("local.server.port"));
		McpTestClient alice = McpTestClient.forLocalServer(port).basicAuth("alice", AbuseApplication.PASSWORD);
		alice.connect();
		String task = Tasks.create(alice, "whoami", Map.of());
		return Tasks.result(alice, task).result().path("content").get(0).path("text").asString();
	}

	@Test
	void authenticationIsRebuiltFromNameAndAuthorities() {
		assertThat(whoamiInATask()).startsWith("alice [")
			.contains("ROLE_AUDITOR", "ROLE_USER")
			.doesNotContain("RESOLVED_BY_HOOK");
	}

	@Test
	void applicationHookRebuildsTheAuthentication() {
		assertThat(whoamiInATask("--abuse.resolver=true")).startsWith("alice [")
			.contains("RESOLVED_BY_HOOK", "ROLE_AUDITOR", "ROLE_USER");
	}

	@Test
	void anonymousCallerRunsWithoutAnAuthentication() {
		this.application = AbuseApplication.builder().run("--server.port=0");
		int port = Integer.parseInt(this.application.getEnvironment().getProperty("local.server.port"));
		McpTestClient anonymous = McpTestClient.forLocalServer(port);
		anonymous.connect();
		String task = Tasks.create(anonymous, "whoami", Map.of());
		assertThat(Tasks.result(anonymous, task).result().path("content").get(0).path("text").asString())
			.isEqualTo("nobody");
	}

}
