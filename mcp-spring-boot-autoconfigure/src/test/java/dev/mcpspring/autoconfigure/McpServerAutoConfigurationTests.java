package dev.mcpspring.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.unit.DataSize;

import dev.mcpspring.McpTool;
import dev.mcpspring.McpToolParam;
import dev.mcpspring.McpToolRegistry;
import dev.mcpspring.TaskSupport;
import dev.mcpspring.internal.protocol.CachePolicy;
import dev.mcpspring.internal.protocol.Implementation;
import dev.mcpspring.internal.protocol.McpServer;
import dev.mcpspring.internal.session.ClientRequests;
import dev.mcpspring.internal.session.InMemoryMcpSessionStore;
import dev.mcpspring.internal.session.McpSessionStore;
import dev.mcpspring.internal.session.McpSessionStreams;
import dev.mcpspring.internal.tool.DefaultMcpToolRegistry;
import dev.mcpspring.internal.tool.McpToolMethodFactory;
import dev.mcpspring.internal.tool.McpToolsFeature;
import dev.mcpspring.internal.web.McpContextInterceptor;
import dev.mcpspring.internal.web.McpHttpEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link McpServerAutoConfiguration}: the server beans, their properties, back-off,
 * switching off, and what it needs on the classpath.
 */
class McpServerAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpServerAutoConfiguration.class, McpWebMvcAutoConfiguration.class,
				JacksonAutoConfiguration.class, ValidationAutoConfiguration.class));

	@Test
	void createsServerBeans() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(McpServer.class);
			assertThat(context).hasSingleBean(McpServerProperties.class);
			assertThat(context).getBean(McpSessionStore.class).isInstanceOf(InMemoryMcpSessionStore.class);
			assertThat(context).hasSingleBean(McpSessionStreams.class);
			assertThat(context).hasSingleBean(McpToolRegistry.class);
			assertThat(context).hasSingleBean(McpToolMethodFactory.class);
			assertThat(context).hasSingleBean(McpToolsFeature.class);
			McpServer server = context.getBean(McpServer.class);
			assertThat(server.sessions()).isSameAs(context.getBean(McpSessionStore.class));
			assertThat(server.streams()).isSameAs(context.getBean(McpSessionStreams.class));
			assertThat(server.capabilities()).containsKeys("logging", "tools");
		});
	}

	@Test
	void nonWebApplicationGetsServerButNoEndpoint() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(McpServer.class);
			assertThat(context).doesNotHaveBean(McpHttpEndpoint.class);
			assertThat(context).doesNotHaveBean(McpContextInterceptor.class);
		});
	}

	@Test
	void serverInfoAndInstructionsComeFromProperties() {
		this.runner
			.withPropertyValues("mcp.server.name=orders", "mcp.server.title=Order desk", "mcp.server.version=2.3.4",
					"mcp.server.instructions=Look up orders by id.")
			.run((context) -> {
				McpServer server = context.getBean(McpServer.class);
				assertThat(server.info()).isEqualTo(new Implementation("orders", "Order desk", "2.3.4"));
			});
	}

	@Test
	void serverNameDefaultsToApplicationName() {
		this.runner.withPropertyValues("spring.application.name=billing")
			.run((context) -> assertThat(context.getBean(McpServer.class).info().name()).isEqualTo("billing"));
	}

	@Test
	void serverNameAndVersionHaveDefaults() {
		this.runner.run((context) -> {
			Implementation info = context.getBean(McpServer.class).info();
			assertThat(info.name()).isEqualTo("mcp-server");
			assertThat(info.version()).isEqualTo("1.0.0");
			assertThat(info.title()).isNull();
		});
	}

	@Test
	void propertiesBindWithDefaults() {
		this.runner.run((context) -> {
			McpServerProperties server = context.getBean(McpServerProperties.class);
			assertThat(server.isEnabled()).isTrue();
			assertThat(server.getPath()).isEqualTo("/mcp");
			assertThat(server.getMaxRequestSize()).isEqualTo(DataSize.ofMegabytes(4));
			assertThat(server.getPageSize()).isEqualTo(100);
			assertThat(server.getSessionTimeout()).isEqualTo(Duration.ofMinutes(30));
			assertThat(server.getAllowedOrigins()).contains("http://localhost:[*]", "http://127.0.0.1:[*]");
		});
	}

	@Test
	void propertiesBind() {
		this.runner
			.withPropertyValues("mcp.server.path=/tools", "mcp.server.max-request-size=1MB", "mcp.server.page-size=7",
					"mcp.server.session-timeout=5m", "mcp.server.sse.timeout=0", "mcp.server.sse.replay-buffer=7", "mcp.server.sse.retry=3s",
					"mcp.server.allowed-origins=https://a.example.com,https://b.example.com")
			.run((context) -> {
				McpServerProperties server = context.getBean(McpServerProperties.class);
				assertThat(server.getPath()).isEqualTo("/tools");
				assertThat(server.getMaxRequestSize()).isEqualTo(DataSize.ofMegabytes(1));
				assertThat(server.getPageSize()).isEqualTo(7);
				assertThat(server.getSessionTimeout()).isEqualTo(Duration.ofMinutes(5));
				assertThat(server.getSse().getTimeout()).isZero();
				assertThat(server.getSse().getReplayBuffer()).isEqualTo(7);
				assertThat(server.getSse().getRetry()).isEqualTo(Duration.ofSeconds(3));
				assertThat(server.getAllowedOrigins()).containsExactly("https://a.example.com", "https://b.example.com");
			});
	}

	@Test
	void disabledServerCreatesNothing() {
		this.runner.withPropertyValues("mcp.server.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(McpServer.class);
			assertThat(context).doesNotHaveBean(McpToolRegistry.class);
			assertThat(context).doesNotHaveBean(McpSessionStore.class);
			assertThat(context).doesNotHaveBean(McpToolsFeature.class);
		});
	}

	@Test
	void backsOffFromUserSessionStore() {
		this.runner.withUserConfiguration(UserSessionStoreConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(McpSessionStore.class);
			assertThat(context.getBean(McpServer.class).sessions())
				.isSameAs(context.getBean("userSessionStore", McpSessionStore.class));
		});
	}

	@Test
	void backsOffFromUserToolRegistry() {
		this.runner.withUserConfiguration(UserToolRegistryConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(McpToolRegistry.class);
			assertThat(context).getBean(McpToolRegistry.class).isSameAs(context.getBean("userToolRegistry"));
		});
	}

	@Test
	void backsOffFromUserServer() {
		this.runner.withUserConfiguration(UserServerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(McpServer.class);
			assertThat(context.getBean(McpServer.class).info().name()).isEqualTo("user-server");
		});
	}

	@Test
	void registersToolMethodsOfApplicationBeans() {
		this.runner.withUserConfiguration(GreetingToolConfiguration.class).run((context) -> {
			DefaultMcpToolRegistry registry = context.getBean(DefaultMcpToolRegistry.class);
			assertThat(registry.find("greet")).hasValueSatisfying((tool) -> {
				assertThat(tool.listed().description()).isEqualTo("Greets someone");
				assertThat(tool.listed().inputSchema().path("properties").has("name")).isTrue();
				assertThat(tool.taskSupport()).isEqualTo(TaskSupport.FORBIDDEN);
			});
		});
	}

	@Test
	void duplicateToolNamesFailStartupNamingTheTool() {
		this.runner.withUserConfiguration(GreetingToolConfiguration.class, DuplicateGreetingToolConfiguration.class)
			.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Duplicate MCP tool name 'greet'"));
	}

	@Test
	void worksWithoutBeanValidation() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(McpServerAutoConfiguration.class, JacksonAutoConfiguration.class))
			.withUserConfiguration(GreetingToolConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(DefaultMcpToolRegistry.class).find("greet")).isPresent();
			});
	}

	@Test
	void worksWithoutApplicationJsonMapper() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(McpServerAutoConfiguration.class))
			.withUserConfiguration(GreetingToolConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(DefaultMcpToolRegistry.class).find("greet")).isPresent();
			});
	}

	@Test
	void worksWithoutContextPropagationLibrary() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.context"))
			.withUserConfiguration(GreetingToolConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(McpServer.class);
			});
	}

	@Test
	void nonPositivePageSizeFailsStartup() {
		this.runner.withPropertyValues("mcp.server.page-size=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("mcp.server.page-size must be positive"));
	}

	@Test
	void nonPositiveMaxRequestSizeFailsStartup() {
		this.runner.withPropertyValues("mcp.server.max-request-size=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("mcp.server.max-request-size must be positive"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserSessionStoreConfiguration {

		@Bean
		McpSessionStore userSessionStore() {
			return new InMemoryMcpSessionStore(Duration.ofSeconds(1), 10_000);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserToolRegistryConfiguration {

		@Bean
		DefaultMcpToolRegistry userToolRegistry() {
			return new DefaultMcpToolRegistry(TaskSupport.FORBIDDEN, false);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserServerConfiguration {

		@Bean
		McpServer userServer() {
			return new McpServer(new Implementation("user-server", null, "1"), null,
					new InMemoryMcpSessionStore(Duration.ofMinutes(1), 10_000), new McpSessionStreams(),
					new ClientRequests(Duration.ofMinutes(1), 16), List.of(), 16 * 1024, CachePolicy.none());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class GreetingToolConfiguration {

		@Bean
		GreetingTool greetingTool() {
			return new GreetingTool();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DuplicateGreetingToolConfiguration {

		@Bean
		OtherGreetingTool otherGreetingTool() {
			return new OtherGreetingTool();
		}

	}

	static class GreetingTool {

		@McpTool(name = "greet", description = "Greets someone")
		public String greet(@McpToolParam(name = "name") String name) {
			return "Hello " + name;
		}

	}

	static class OtherGreetingTool {

		@McpTool(name = "greet")
		public String hello(@McpToolParam(name = "name") String name) {
			return "Hi " + name;
		}

	}

}
