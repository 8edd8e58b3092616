package dev.mcpspring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.OAuth2ProtectedResourceMetadataFilter;

import dev.mcpspring.internal.oauth.McpResourceUrls;
import dev.mcpspring.internal.oauth.McpScopes;
import dev.mcpspring.internal.web.McpHttpEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP authorization auto-configuration: present with Spring Security's resource
 * server classes, absent without them or when disabled, and the endpoint's requests are
 * checked against the declared scopes.
 */
class McpOAuth2ResourceServerAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpServerAutoConfiguration.class, McpWebMvcAutoConfiguration.class,
				McpOAuth2ResourceServerAutoConfiguration.class, JacksonAutoConfiguration.class,
				DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class));

	@Test
	void configuresAuthorizationWithResourceServerClasses() {
		this.contextRunner.withPropertyValues("spring.mvc.servlet.path=/svc/").run((context) -> {
			assertThat(context).hasSingleBean(McpScopes.class).hasSingleBean(McpResourceUrls.class);
			assertThat(context.getBean(McpHttpEndpoint.class)).extracting("authorizer")
				.isSameAs(context.getBean(McpScopes.class));
			MockHttpServletRequest request = new MockHttpServletRequest("POST", "/ctx/svc/mcp");
			request.setContextPath("/ctx");
			assertThat(context.getBean(McpResourceUrls.class).metadataUrl(request))
				.isEqualTo("http://localhost/ctx/.well-known/oauth-protected-resource/svc/mcp");
		});
	}

	@Test
	void backsOffWithoutResourceServerClasses() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(OAuth2ProtectedResourceMetadataFilter.class))
			.run((context) -> assertThat(context).doesNotHaveBean(McpScopes.class)
				.hasSingleBean(McpHttpEndpoint.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("mcp.server.oauth.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(McpScopes.class));
	}

}
