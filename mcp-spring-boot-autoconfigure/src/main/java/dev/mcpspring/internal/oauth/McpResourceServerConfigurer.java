package dev.mcpspring.internal.oauth;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Completes a filter chain that is an OAuth2 resource server (whether Spring Boot's
 * default chain or the application's own) with MCP's authorization rules: the
 * endpoint's protected resource metadata (Spring Security's metadata filter, customized:
 * the endpoint as the resource, its authorization servers and scopes), the bearer
 * challenge naming that metadata, and the audience check; a request for the endpoint
 * without a token is challenged rather than refused by CSRF protection (the endpoint
 * checks the origin and takes only JSON). A chain that is not a resource server is left
 * alone.
 */
public final class McpResourceServerConfigurer
		extends AbstractHttpConfigurer<McpResourceServerConfigurer, HttpSecurity> {

	private final McpResourceUrls urls;

	private final List<String> authorizationServers;

	private final List<String> scopes;

	private final McpScopes declaredScopes;

	private final @Nullable List<String> audiences;

	/**
	 * Creates the configurer.
	 * @param urls the endpoint's URLs
	 * @param authorizationServers the issuers advertised in the metadata
	 * @param scopes the configured scopes (advertised, and asked for without a token)
	 * @param declaredScopes the scopes declared on tools, prompts and resources
	 * @param audiences the accepted audiences (empty for the resource), or {@code null}
	 * to accept any audience
	 */
	public McpResourceServerConfigurer(McpResourceUrls urls, List<String> authorizationServers, List<String> scopes,
			McpScopes declaredScopes, @Nullable List<String> audiences) {
		this.urls = urls;
		this.authorizationServers = List.copyOf(authorizationServers);
		this.scopes = List.copyOf(scopes);
		this.declaredScopes = declaredScopes;
		this.audiences = (audiences != null) ? List.copyOf(audiences) : null;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void init(HttpSecurity http) {
		OAuth2ResourceServerConfigurer<HttpSecurity> resourceServer = http
			.getConfigurer(OAuth2ResourceServerConfigurer.class);
		if (resourceServer == null) {
			return;
		}
		resourceServer.authenticationEntryPoint(new McpAuthenticationEntryPoint(this.urls, this.scopes));
		CsrfConfigurer<HttpSecurity> csrf = http.getConfigurer(CsrfConfigurer.class);
		if (csrf != null) {
			// a POST without a token is challenged, not refused as a forgery: the endpoint
			// takes only application/json from allowed origins
			csrf.ignoringRequestMatchers(this.urls::isEndpoint);
		}
		resourceServer.protectedResourceMetadata(
				(metadata) -> metadata.protectedResourceMetadataCustomizer(this::customizeMetadata));
	}

	@Override
	public void configure(HttpSecurity http) {
		if (http.getConfigurer(OAuth2ResourceServerConfigurer.class) == null || this.audiences == null) {
			return;
		}
		http.addFilterAfter(new McpAudienceFilter(this.urls, this.audiences,
				new McpAuthenticationEntryPoint(this.urls, this.scopes)), BearerTokenAuthenticationFilter.class);
	}

	private void customizeMetadata(OAuth2ProtectedResourceMetadata.Builder metadata) {
		HttpServletRequest request = currentRequest();
		if (request != null && this.urls.isEndpointMetadata(request)) {
			metadata.resource(this.urls.resource(request));
		}
		this.authorizationServers.forEach(metadata::authorizationServer);
		Set<String> supported = new LinkedHashSet<>(this.scopes);
		supported.addAll(this.declaredScopes.declared());
		supported.forEach(metadata::scope);
		metadata.tlsClientCertificateBoundAccessTokens(false);
	}

	private static @Nullable HttpServletRequest currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest() : null;
	}

}
