package dev.mcpspring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.OAuth2ProtectedResourceMetadataFilter;

import dev.mcpspring.McpPrompt;
import dev.mcpspring.McpResource;
import dev.mcpspring.McpTool;
import dev.mcpspring.internal.method.AnnotatedMethodRegistrar;
import dev.mcpspring.internal.method.McpListFilter;
import dev.mcpspring.internal.oauth.McpResourceServerConfigurer;
import dev.mcpspring.internal.oauth.McpResourceUrls;
import dev.mcpspring.internal.oauth.McpScopes;
import dev.mcpspring.internal.web.McpHttpEndpoint;

/**
 * Auto-configuration of MCP authorization when the application is an OAuth2 resource
 * server (JWT or opaque tokens): every filter chain built from Spring Security's
 * {@code HttpSecurity} that configures {@code oauth2ResourceServer} (Spring Boot's
 * default chain or the application's own) serves the MCP endpoint's protected resource
 * metadata (RFC 9728) without a token, challenges with {@code resource_metadata}, and
 * refuses tokens not issued for the endpoint; {@code @McpScope} declarations are
 * enforced with {@code insufficient_scope} challenges.
 */
@AutoConfiguration(after = McpWebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ HttpSecurity.class, OAuth2ProtectedResourceMetadataFilter.class })
@ConditionalOnBean(McpHttpEndpoint.class)
@ConditionalOnBooleanProperty(name = "mcp.server.oauth.enabled", matchIfMissing = true)
@EnableConfigurationProperties(McpServerProperties.class)
public final class McpOAuth2ResourceServerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	McpResourceUrls mcpResourceUrls(McpServerProperties properties, Environment environment) {
		String servletPath = environment.getProperty("spring.mvc.servlet.path", "");
		if (servletPath.endsWith("/")) {
			servletPath = servletPath.substring(0, servletPath.length() - 1);
		}
		return new McpResourceUrls(servletPath + properties.getPath(), properties.getOauth().getResource());
	}

	@Bean
	@ConditionalOnMissingBean
	McpScopes mcpScopes(McpResourceUrls urls) {
		return new McpScopes(urls);
	}

	@Bean
	AnnotatedMethodRegistrar<McpTool> mcpToolScopeRegistrar(McpScopes scopes) {
		return scopes.toolRegistrar();
	}

	@Bean
	AnnotatedMethodRegistrar<McpPrompt> mcpPromptScopeRegistrar(McpScopes scopes) {
		return scopes.promptRegistrar();
	}

	@Bean
	AnnotatedMethodRegistrar<McpResource> mcpResourceScopeRegistrar(McpScopes scopes) {
		return scopes.resourceRegistrar();
	}

	@Bean
	@ConditionalOnBooleanProperty("mcp.server.oauth.hide-unauthorized")
	McpListFilter mcpScopeListFilter(McpScopes scopes) {
		return scopes.listFilter();
	}

	@Bean
	Customizer<HttpSecurity> mcpResourceServerCustomizer(McpResourceUrls urls, McpScopes scopes,
			McpServerProperties properties, ObjectProvider<OAuth2ResourceServerProperties> resourceServer) {
		McpServerProperties.OAuth oauth = properties.getOauth();
		List<String> authorizationServers = new ArrayList<>(oauth.getAuthorizationServers());
		OAuth2ResourceServerProperties boot = resourceServer.getIfAvailable();
		if (authorizationServers.isEmpty() && boot != null && boot.getJwt().getIssuerUri() != null) {
			authorizationServers.add(boot.getJwt().getIssuerUri());
		}
		List<String> audiences = oauth.isValidateAudience() ? oauth.getAudiences() : null;
		return (http) -> http.with(new McpResourceServerConfigurer(urls, authorizationServers, oauth.getScopes(),
				scopes, audiences));
	}

}
