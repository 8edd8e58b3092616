package dev.mcpspring.internal.oauth;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a bearer token on the MCP endpoint unless its audience ({@code aud}, of a JWT
 * or of the introspection of an opaque token) names this resource, or one of the
 * configured audiences: a token issued for another server is never accepted here (RFC
 * 8707, MCP's authorization rules). Other endpoints of the application are not checked.
 */
public class McpAudienceFilter extends OncePerRequestFilter {

	private static final String AUDIENCE = "aud";

	private final McpResourceUrls urls;

	private final List<String> audiences;

	private final AuthenticationEntryPoint entryPoint;

	/**
	 * Creates the filter.
	 * @param urls the endpoint's URLs (the resource is the default audience)
	 * @param audiences the accepted audiences, empty for the resource
	 * @param entryPoint answers a refused token
	 */
	public McpAudienceFilter(McpResourceUrls urls, List<String> audiences, AuthenticationEntryPoint entryPoint) {
		this.urls = urls;
		this.audiences = List.copyOf(audiences);
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token && this.urls.isEndpoint(request)
				&& !isForThisResource(token.getTokenAttributes().get(AUDIENCE), request)) {
			SecurityContextHolder.clearContext();
			this.entryPoint.commence(request, response,
					new OAuth2AuthenticationException(new BearerTokenError(BearerTokenErrorCodes.INVALID_TOKEN,
							HttpStatus.UNAUTHORIZED, "The token was not issued for this resource", null)));
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean isForThisResource(@Nullable Object audience, HttpServletRequest request) {
		List<String> accepted = this.audiences.isEmpty() ? List.of(this.urls.resource(request)) : this.audiences;
		if (audience instanceof String single) {
			return accepted.contains(single);
		}
		if (audience instanceof Collection<?> many) {
			return many.stream().anyMatch((value) -> value instanceof String name && accepted.contains(name));
		}
		return false;
	}

}
