package dev.mcpspring.test.context;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.mcpspring.test.client.McpRevision;
import dev.mcpspring.test.client.McpTestClient;
import dev.mcpspring.test.fixture.FixtureApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client bean of the test's own configuration replaces the one the module registers.
 */
@SpringBootTest(classes = { FixtureApplication.class, ApplicationClientBeanTests.OwnClient.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class ApplicationClientBeanTests {

	@Autowired
	private McpTestClient mcp;

	@Test
	void ownClientIsInjected() {
		assertThat(this.mcp.endpoint()).isEqualTo(URI.create("http://example.invalid/mcp"));
		assertThat(this.mcp.revision()).isEqualTo(McpRevision.V2026_07_28);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnClient {

		@Bean
		McpTestClient ownMcpTestClient() {
			return McpTestClient.builder(URI.create("http://example.invalid/mcp"))
				.revision(McpRevision.V2026_07_28)
				.build();
		}

	}

}
