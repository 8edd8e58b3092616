package dev.mcpspring.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

import dev.mcpspring.CallToolResult;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpTool;
import dev.mcpspring.McpToolHandler;
import dev.mcpspring.McpToolParam;
import dev.mcpspring.McpToolRegistry;
import dev.mcpspring.Tool;
import dev.mcpspring.internal.tool.DefaultMcpToolRegistry;
import dev.mcpspring.internal.tool.HeaderParameter;
import dev.mcpspring.internal.wire.McpJson;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Declarations of {@code x-mcp-header} that the revision does not allow fail startup (or
 * the registration of a tool) with a message naming the tool and the argument; so do
 * invalid {@code mcp.server.cache.*} properties.
 */
class HeaderParameterDeclarationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpServerAutoConfiguration.class, JacksonAutoConfiguration.class));

	@Test
	void validDeclarationsAreRegistered() {
		this.runner.withUserConfiguration(ValidTools.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(DefaultMcpToolRegistry.class).find("valid"))
				.hasValueSatisfying((tool) -> assertThat(tool.headerParameters()).containsExactly(
						new HeaderParameter("region", "Region", "string"),
						new HeaderParameter("count", "X-Count_2", "integer"),
						new HeaderParameter("flag", "Flag", "boolean")));
		});
	}

	@Test
	void numberArgumentFailsStartup() {
		assertStartupFails(NumberTools.class,
				"MCP tool 'number': \"x-mcp-header\" on argument 'score' is allowed on arguments of type string, "
						+ "integer or boolean only, not \"number\"");
	}

	@Test
	void objectArgumentFailsStartup() {
		assertStartupFails(ObjectTools.class, "MCP tool 'object': \"x-mcp-header\" on argument 'point'");
	}

	@Test
	void headerNameThatIsNotATokenFailsStartup() {
		assertStartupFails(SpaceTools.class, "MCP tool 'space': \"x-mcp-header\" on argument 'region' must name an "
				+ "HTTP header: a non-empty RFC 9110 token");
	}

	@Test
	void headerNameRepeatedIgnoringCaseFailsStartup() {
		assertStartupFails(DuplicateTools.class,
				"MCP tool 'duplicate': \"x-mcp-header\" on argument 'second' repeats the header name 'region' "
						+ "of argument 'first'");
	}

	@Test
	void registeredSchemasAreCheckedToo() {
		DefaultMcpToolRegistry registry = new DefaultMcpToolRegistry(null, false);
		assertThatIllegalArgumentException().isThrownBy(() -> registry.register(schemaTool("""
				{"type": "object", "properties": {"where": {"type": "string", "x-mcp-header": ""}}}""")))
			.withMessageContaining("argument 'where' must name an HTTP header");
		assertThatIllegalArgumentException().isThrownBy(() -> registry.register(schemaTool("""
				{"type": "object", "properties": {"where": {"type": "string", "x-mcp-header": "Région"}}}""")))
			.withMessageContaining("argument 'where' must name an HTTP header");
		assertThatIllegalArgumentException().isThrownBy(() -> registry.register(schemaTool("""
				{"type": "object", "properties": {"address": {"type": "object",
				  "properties": {"city": {"type": "string", "x-mcp-header": "City"}}}}}""")))
			.withMessageContaining("at '/properties/address/properties/city' of the input schema is not on a "
					+ "top-level property");
		assertThatIllegalArgumentException().isThrownBy(() -> registry.register(schemaTool("""
				{"type": "object", "$defs": {"r": {"type": "string", "x-mcp-header": "Region"}},
				 "properties": {"r": {"$ref": "#/$defs/r"}}}""")))
			.withMessageContaining("at '/$defs/r'");
		assertThatIllegalArgumentException().isThrownBy(() -> registry.register(schemaTool("""
				{"type": "object", "allOf": [{"properties": {"r": {"type": "string", "x-mcp-header": "Region"}}}]}""")))
			.withMessageContaining("at '/allOf/0/properties/r'");
		assertThatIllegalArgumentException().isThrownBy(() -> registry.register(schemaTool("""
				{"type": "object", "properties": {"tags": {"type": "array",
				  "items": {"type": "string", "x-mcp-header": "Tag"}}}}""")))
			.withMessageContaining("at '/properties/tags/items'");
		assertThat(registry.all()).isEmpty();
		registry.register(schemaTool("""
				{"type": "object", "properties": {"x-mcp-header": {"type": "string", "x-mcp-header": "Raw"},
				  "other": {"type": "string", "const": {"x-mcp-header": "data, not a schema"}}}}"""));
		assertThat(registry.find("schema")).hasValueSatisfying((tool) -> assertThat(tool.headerParameters())
			.containsExactly(new HeaderParameter("x-mcp-header", "Raw", "string")));
	}

	@Test
	void negativeCacheTtlFailsStartup() {
		assertBindingFails("mcp.server.cache.tools.ttl", "-1s");
	}

	@Test
	void unknownCacheScopeFailsStartup() {
		assertBindingFails("mcp.server.cache.resource-reads.scope", "shared");
	}

	private void assertBindingFails(String property, String value) {
		this.runner.withPropertyValues(property + "=" + value).run((context) -> {
			BindException failure = null;
			for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
				failure = (cause instanceof BindException bind) ? bind : failure;
			}
			assertThat(failure).isNotNull();
			assertThat(failure.getProperty().getName().toString()).isEqualTo(property);
			assertThat(failure.getProperty().getValue()).isEqualTo(value);
		});
	}

	private void assertStartupFails(Class<?> configuration, String message) {
		this.runner.withUserConfiguration(configuration)
			.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining(message));
	}

	private static McpToolHandler schemaTool(String schema) {
		ObjectNode inputSchema = (ObjectNode) McpJson.mapper().readTree(schema);
		return new McpToolHandler() {

			@Override
			public Tool tool() {
				return new Tool("schema", null, null, inputSchema, null, null, null);
			}

			@Override
			public CallToolResult call(ObjectNode arguments, McpContext context) {
				return CallToolResult.of(List.of());
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	static class ValidTools {

		@Bean
		ValidTool validTool() {
			return new ValidTool();
		}

	}

	static class ValidTool {

		@McpTool(name = "valid")
		public String valid(@McpToolParam(name = "region", header = "Region") String region,
				@McpToolParam(name = "count", header = "X-Count_2") int count,
				@McpToolParam(name = "flag", header = "Flag") boolean flag) {
			return region;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NumberTools {

		@Bean
		NumberTool numberTool() {
			return new NumberTool();
		}

	}

	static class NumberTool {

		@McpTool(name = "number")
		public String number(@McpToolParam(name = "score", header = "Score") double score) {
			return "";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ObjectTools {

		@Bean
		ObjectTool objectTool() {
			return new ObjectTool();
		}

	}

	static class ObjectTool {

		@McpTool(name = "object")
		public String object(@McpToolParam(name = "point", header = "Point") Point point) {
			return "";
		}

	}

	/**
	 * An object argument.
	 *
	 * @param x the x
	 * @param y the y
	 */
	record Point(int x, int y) {
	}

	@Configuration(proxyBeanMethods = false)
	static class SpaceTools {

		@Bean
		SpaceTool spaceTool() {
			return new SpaceTool();
		}

	}

	static class SpaceTool {

		@McpTool(name = "space")
		public String space(@McpToolParam(name = "region", header = "My Region") String region) {
			return "";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DuplicateTools {

		@Bean
		DuplicateTool duplicateTool() {
			return new DuplicateTool();
		}

	}

	static class DuplicateTool {

		@McpTool(name = "duplicate")
		public String duplicate(@McpToolParam(name = "first", header = "Region") String first,
				@McpToolParam(name = "second", header = "region") String second) {
			return "";
		}

	}

}
