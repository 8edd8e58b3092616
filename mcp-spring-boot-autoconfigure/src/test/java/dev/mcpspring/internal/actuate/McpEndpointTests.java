package dev.mcpspring.internal.actuate;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.mcpspring.TaskSupport;
import dev.mcpspring.internal.prompt.DefaultMcpPromptRegistry;
import dev.mcpspring.internal.resource.DefaultMcpResourceRegistry;
import dev.mcpspring.internal.session.InMemoryMcpSessionStore;
import dev.mcpspring.internal.tool.DefaultMcpToolRegistry;
import dev.mcpspring.internal.wire.McpJson;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link McpEndpoint} of a server whose docket has no operator's side.
 */
class McpEndpointTests {

	@Test
	void leavesOutTasksAndWorkersWhenTheDocketCannotTell() {
		McpEndpoint endpoint = new McpEndpoint(new DefaultMcpToolRegistry(TaskSupport.FORBIDDEN, false),
				new DefaultMcpResourceRegistry(), new DefaultMcpPromptRegistry(),
				new InMemoryMcpSessionStore(Duration.ofMinutes(1), 10), null);
		JsonNode json = McpJson.mapper().valueToTree(endpoint.mcp());
		assertThat(json.has("tasks")).isFalse();
		assertThat(json.has("workers")).isFalse();
		assertThat(json.path("tools").isArray()).isTrue();
		assertThat(json.path("sessions").path("active").asLong()).isZero();
	}

}
