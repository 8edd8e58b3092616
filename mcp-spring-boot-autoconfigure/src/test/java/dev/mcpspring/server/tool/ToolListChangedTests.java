package dev.mcpspring.server.tool;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.context.McpContext;
import dev.mcpspring.protocol.CallToolResult;
import dev.mcpspring.protocol.Tool;
import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tools added and removed at runtime through {@link McpToolRegistry}: listed, callable,
 * and announced with {@code notifications/tools/list_changed} on open GET streams.
 */
@McpServerTest
class ToolListChangedTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String NAME = "runtime_tool";

	@LocalServerPort
	private int port;

	@Autowired
	private McpToolRegistry registry;

	private McpTestClient client;

	@BeforeEach
	void connect() {
		this.client = McpTestClient.forLocalServer(this.port);
		this.client.connect();
	}

	@AfterEach
	void removeRuntimeTool() {
		this.registry.remove(NAME);
	}

	@Test
	void addingToolNotifiesOpenStream() {
		try (McpEventStream stream = this.client.openStream()) {
			assertThat(stream.next(WAIT).isPriming()).isTrue();
			this.registry.register(new RuntimeTool());
			JsonNode notification = stream.nextNotification("notifications/tools/list_changed", WAIT);
			assertThat(notification.path("jsonrpc").asString()).isEqualTo("2.0");
			assertThat(notification.has("id")).isFalse();
		}
	}

	@Test
	void removingToolNotifiesOpenStream() {
		this.registry.register(new RuntimeTool());
		try (McpEventStream stream = this.client.openStream()) {
			assertThat(stream.next(WAIT).isPriming()).isTrue();
			assertThat(this.registry.remove(NAME)).isTrue();
			stream.nextNotification("notifications/tools/list_changed", WAIT);
		}
	}

	@Test
	void everySessionWithOpenStreamIsNotified() {
		McpTestClient other = McpTestClient.forLocalServer(this.port);
		other.connect();
		try (McpEventStream first = this.client.openStream(); McpEventStream second = other.openStream()) {
			first.next(WAIT);
			second.next(WAIT);
			this.registry.register(new RuntimeTool());
			first.nextNotification("notifications/tools/list_changed", WAIT);
			second.nextNotification("notifications/tools/list_changed", WAIT);
		}
	}

	@Test
	void removingUnknownToolSendsNothing() {
		try (McpEventStream stream = this.client.openStream()) {
			stream.next(WAIT);
			assertThat(this.registry.remove("never_registered")).isFalse();
			stream.assertNoMessageWithin(Duration.ofMillis(300));
		}
	}

	@Test
	void addedToolIsListedAndCallableAndRemovedToolIsGone() {
		this.registry.register(new RuntimeTool());
		assertThat(this.client.tool(NAME).path("description").asString()).isEqualTo("Added at runtime");
		assertThat(this.client.callTool(NAME, Map.of()).text()).isEqualTo("runtime says hi");
		this.registry.remove(NAME);
		assertThat(this.client.listAllTools()).noneMatch((tool) -> NAME.equals(tool.path("name").asString()));
		assertThat(this.client.callTool(NAME, Map.of()).errorCode()).isEqualTo(-32602);
	}

	private static final class RuntimeTool implements McpToolHandler {

		@Override
		public Tool tool() {
			ObjectNode schema = McpTestClient.JSON.createObjectNode();
			schema.put("type", "object");
			schema.putObject("properties");
			return new Tool(NAME, null, "Added at runtime", schema, null, null, null);
		}

		@Override
		public CallToolResult call(ObjectNode arguments, McpContext context) {
			return CallToolResult.text("runtime says hi");
		}

	}

}
