package dev.mcpspring.internal.oauth;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.util.StringUtils;

/**
 * Answers an unauthenticated request for the MCP endpoint {@code 401} with
 * {@code WWW-Authenticate: Bearer resource_metadata="…"} naming the endpoint's metadata
 * (and the configured scopes, when the request had no token), so that MCP clients find
 * the authorization server by themselves; other requests get Spring Security's bearer
 * challenge.
 */
public class McpAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final McpResourceUrls urls;

	private final List<String> scopes;

	private final AuthenticationEntryPoint others = new BearerTokenAuthenticationEntryPoint();

	/**
	 * Creates the entry point.
	 * @param urls the endpoint's URLs
	 * @param scopes the scopes asked for when a request has no token
	 */
	public McpAuthenticationEntryPoint(McpResourceUrls urls, List<String> scopes) {
		this.urls = urls;
		this.scopes = List.copyOf(scopes);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException, ServletException {
		if (!this.urls.isEndpoint(request)) {
			this.others.commence(request, response, authException);
			return;
		}
		HttpStatus status = HttpStatus.UNAUTHORIZED;
		Map<String, String> parameters = new LinkedHashMap<>();
		if (authException instanceof OAuth2AuthenticationException oauth) {
			OAuth2Error error = oauth.getError();
			parameters.put("error", error.getErrorCode());
			String description = error.getDescription();
			if (StringUtils.hasText(description)) {
				parameters.put("error_description", description);
			}
			if (error instanceof BearerTokenError bearer) {
				status = bearer.getHttpStatus();
				String scope = bearer.getScope();
				if (StringUtils.hasText(scope)) {
					parameters.put("scope", scope);
				}
			}
		}
		else if (!this.scopes.isEmpty()) {
			parameters.put("scope", String.join(" ", this.scopes));
		}
		parameters.put("resource_metadata", this.urls.metadataUrl(request));
		response.addHeader(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.of(parameters));
		response.setStatus(status.value());
	}

}
