package dev.mcpspring.internal.tool;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.McpToolRegistry;
import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.TextTool;
import tools.jackson.databind.JsonNode;

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

	private static TextTool runtimeTool() {
		return new TextTool(NAME, "Added at runtime", "runtime says hi");
	}

	@AfterEach
	void removeRuntimeTool() {
		this.registry.remove(NAME);
	}

	@Test
	void addingToolNotifiesOpenStream() {
		try (McpEventStream stream = this.client.openStream()) {
			assertThat(stream.next(WAIT).isPriming()).isTrue();
			this.registry.register(runtimeTool());
			JsonNode notification = stream.nextNotification("notifications/tools/list_changed", WAIT);
			assertThat(notification.path("jsonrpc").asString()).isEqualTo("2.0");
			assertThat(notification.has("id")).isFalse();
		}
	}

	@Test
	void removingToolNotifiesOpenStream() {
		this.registry.register(runtimeTool());
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
			this.registry.register(runtimeTool());
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
		this.registry.register(runtimeTool());
		assertThat(this.client.tool(NAME).path("description").asString()).isEqualTo("Added at runtime");
		assertThat(this.client.callTool(NAME, Map.of()).text()).isEqualTo("runtime says hi");
		this.registry.remove(NAME);
		assertThat(this.client.listAllTools()).noneMatch((tool) -> NAME.equals(tool.path("name").asString()));
		assertThat(this.client.callTool(NAME, Map.of()).errorCode()).isEqualTo(-32602);
	}

}
