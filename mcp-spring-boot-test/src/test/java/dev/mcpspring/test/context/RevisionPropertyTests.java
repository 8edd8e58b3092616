package dev.mcpspring.test.context;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.mcpspring.test.client.McpRevision;
import dev.mcpspring.test.client.McpTestClient;
import dev.mcpspring.test.fixture.FixtureApplication;

import static dev.mcpspring.test.assertj.McpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mcp.test.revision} sets the revision of the injected client.
 */
@SpringBootTest(classes = FixtureApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "mcp.test.revision=2026-07-28")
class RevisionPropertyTests {

	@Autowired
	private McpTestClient mcp;

	@Test
	void injectedClientSpeaksTheConfiguredRevision() {
		assertThat(this.mcp.revision()).isEqualTo(McpRevision.V2026_07_28);
		assertThat(this.mcp.callTool("shout", Map.of("text", "stateless"))).isNotError().hasText("STATELESS");
		assertThat(this.mcp.sessionId()).isNull();
	}

}
