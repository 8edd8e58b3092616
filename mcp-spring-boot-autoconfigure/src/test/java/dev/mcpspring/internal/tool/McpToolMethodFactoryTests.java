package dev.mcpspring.internal.tool;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.util.ReflectionUtils;

import dev.mcpspring.CallToolResult;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpTool;
import dev.mcpspring.McpToolHandler;
import dev.mcpspring.internal.wire.McpJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link McpToolMethodFactory}: which arguments are required and how an
 * asynchronous tool is answered.
 */
class McpToolMethodFactoryTests {

	private final McpToolMethodFactory factory = new McpToolMethodFactory(McpJson.mapper(), null, null);

	@Test
	void aJSpecifyNullableParameterIsNotRequired() {
		JsonNode schema = tool("greet").tool().inputSchema();
		assertThat(schema.path("properties").propertyNames()).containsExactly("name", "title");
		assertThat(schema.path("required").valueStream().map(JsonNode::asString)).containsExactly("name");
	}

	@Test
	void aMissingNullableArgumentIsNull() throws Exception {
		ObjectNode arguments = JsonNodeFactory.instance.objectNode().put("name", "Ada");
		CallToolResult result = tool("greet").call(arguments, mock(McpContext.class));
		assertThat(result.isError()).isFalse();
		assertThat(result.content().toString()).contains("Hello null Ada");
	}

	@Test
	void aToolReturningACompletableFutureIsAnsweredWithItsValue() throws Exception {
		ObjectNode arguments = JsonNodeFactory.instance.objectNode().put("name", "Grace");
		CallToolResult result = tool("greetLater").call(arguments, mock(McpContext.class));
		assertThat(result.content().toString()).contains("Hello Grace");
	}

	private McpToolHandler tool(String name) {
		Method method = ReflectionUtils.findMethod(Greetings.class, name, (Class<?>[]) null);
		return this.factory.create(new Greetings(), method, method.getAnnotation(McpTool.class));
	}

	static class Greetings {

		@McpTool
		String greet(String name, @Nullable String title) {
			return "Hello " + title + " " + name;
		}

		@McpTool
		CompletableFuture<String> greetLater(String name) {
			return CompletableFuture.supplyAsync(() -> "Hello " + name);
		}

	}

}
