package dev.mcpspring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.mcpspring.internal.protocol.McpServer;
import dev.mcpspring.internal.session.McpSubscriptions;
import dev.mcpspring.internal.web.ListenStreams;
import dev.mcpspring.internal.web.McpAsyncCalls;
import dev.mcpspring.internal.web.McpContextInterceptor;
import dev.mcpspring.internal.web.McpHttpEndpoint;
import dev.mcpspring.internal.web.OriginPolicy;
import dev.mcpspring.internal.web.SessionEventStreams;
import dev.mcpspring.internal.wire.JsonBodyParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link McpWebMvcAutoConfiguration}: the endpoint and the context interceptor in a
 * Spring MVC application, their path, back-off and conditions.
 */
class McpWebMvcAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpServerAutoConfiguration.class, McpWebMvcAutoConfiguration.class,
				JacksonAutoConfiguration.class, DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class));

	@Test
	void createsEndpointAndInterceptor() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(McpHttpEndpoint.class);
			assertThat(context).hasSingleBean(McpContextInterceptor.class);
		});
	}

	@Test
	void endpointAndInterceptorServeDefaultPath() {
		this.runner.run((context) -> {
			assertThat(mappedPatterns(context)).contains("/mcp");
			assertThat(interceptedBy(context, "POST", "/mcp")).isTrue();
			assertThat(interceptedBy(context, "GET", "/mcp")).isTrue();
			assertThat(interceptedBy(context, "DELETE", "/mcp")).isTrue();
		});
	}

	@Test
	void endpointAndInterceptorServeConfiguredPath() {
		this.runner.withPropertyValues("mcp.server.path=/ai/tools").run((context) -> {
			assertThat(mappedPatterns(context)).contains("/ai/tools").doesNotContain("/mcp");
			assertThat(interceptedBy(context, "POST", "/ai/tools")).isTrue();
		});
	}

	@Test
	void interceptorLeavesOtherPathsAlone() {
		this.runner.withUserConfiguration(OtherControllerConfiguration.class).run((context) -> {
			HandlerExecutionChain chain = handler(context, "GET", "/other");
			assertThat(chain).isNotNull();
			assertThat(chain.getInterceptorList()).noneMatch(McpContextInterceptor.class::isInstance);
		});
	}

	@Test
	void backsOffFromUserEndpoint() {
		this.runner.withUserConfiguration(UserEndpointConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(McpHttpEndpoint.class);
			assertThat(context).getBean(McpHttpEndpoint.class).isSameAs(context.getBean("userEndpoint"));
		});
	}

	@Test
	void backsOffFromUserInterceptor() {
		this.runner.withUserConfiguration(UserInterceptorConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(McpContextInterceptor.class);
			assertThat(context).getBean(McpContextInterceptor.class).isSameAs(context.getBean("userInterceptor"));
			assertThat(interceptedBy(context, "POST", "/mcp")).isTrue();
		});
	}

	@Test
	void disabledServerHasNoEndpoint() {
		this.runner.withPropertyValues("mcp.server.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(McpServer.class);
			assertThat(context).doesNotHaveBean(McpHttpEndpoint.class);
			assertThat(context).doesNotHaveBean(McpContextInterceptor.class);
			assertThat(mappedPatterns(context)).doesNotContain("/mcp");
		});
	}

	@Test
	void withoutSpringMvcThereIsServerButNoEndpoint() {
		this.runner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(McpServer.class);
			assertThat(context).doesNotHaveBean(McpHttpEndpoint.class);
			assertThat(context).doesNotHaveBean(McpContextInterceptor.class);
		});
	}

	@Test
	void pathWithoutLeadingSlashFailsWithClearMessage() {
		this.runner.withPropertyValues("mcp.server.path=mcp")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("mcp.server.path must start with '/'"));
	}

	@Test
	void rootPathFailsWithClearMessage() {
		this.runner.withPropertyValues("mcp.server.path=/")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("mcp.server.path must start with '/' and name a path"));
	}

	@Test
	void emptyPathFailsWithClearMessage() {
		this.runner.withPropertyValues("mcp.server.path=")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("mcp.server.path"));
	}

	private static Set<String> mappedPatterns(AssertableWebApplicationContext context) {
		return context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
			.getHandlerMethods()
			.keySet()
			.stream()
			.flatMap((info) -> info.getPatternValues().stream())
			.collect(Collectors.toSet());
	}

	private static boolean interceptedBy(AssertableWebApplicationContext context, String method, String path)
			throws Exception {
		HandlerExecutionChain chain = handler(context, method, path);
		assertThat(chain).as("handler for %s %s", method, path).isNotNull();
		return chain.getInterceptorList().stream().anyMatch(McpContextInterceptor.class::isInstance);
	}

	private static HandlerExecutionChain handler(AssertableWebApplicationContext context, String method, String path)
			throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(context.getServletContext(), method, path);
		request.addHeader("Accept", "application/json, text/event-stream");
		request.setContentType("application/json");
		return context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandler(request);
	}

	@Configuration(proxyBeanMethods = false)
	static class UserEndpointConfiguration {

		@Bean
		McpHttpEndpoint userEndpoint(McpServer server, McpAsyncCalls calls) {
			return new McpHttpEndpoint(server, new SessionEventStreams(server.sessions(), server.streams(), 10, 1000),
					new OriginPolicy(List.of("*")), new JsonBodyParser(64, 1000, 1000, 10_000, 1024), 1024, 0, 16, calls,
					new ListenStreams(new McpSubscriptions(null, 0), server::capabilities, 0, 1, null, 0,
							Duration.ofSeconds(1), 16), null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserInterceptorConfiguration {

		@Bean
		McpContextInterceptor userInterceptor(McpServer server) {
			return new McpContextInterceptor(server, null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OtherControllerConfiguration {

		@Bean
		OtherController otherController() {
			return new OtherController();
		}

	}

	@RestController
	static class OtherController {

		@GetMapping("/other")
		String other() {
			return "other";
		}

	}

}
