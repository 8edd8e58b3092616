package dev.mcpspring.abuse;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.McpToolRegistry;
import dev.mcpspring.abuse.QuickToolCallsRunInlineWithinPermitsTests.WhereTool;
import dev.mcpspring.abuse.calls.AsyncCallsApplication;
import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code mcp.server.inline-calls=0}, even a tool that always answers at once runs
 * every call on the starter's executor, never on a container thread.
 */
@SpringBootTest(classes = AsyncCallsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "mcp.server.inline-calls=0")
class InlineCallsOffRunEveryCallOnTheExecutorTests {

	@LocalServerPort
	private int port;

	@Autowired
	private McpToolRegistry tools;

	@AfterEach
	void removeTool() {
		this.tools.remove("quick_off");
	}

	@Test
	void quickToolRunsOnTheExecutorEveryTime() {
		this.tools.register(new WhereTool("quick_off"));
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		for (int i = 0; i < 60; i++) {
			assertThat(client.callTool("quick_off", Map.of("millis", 0)).text()).as("call %d", i)
				.startsWith("mcp-call-");
		}
	}

}
