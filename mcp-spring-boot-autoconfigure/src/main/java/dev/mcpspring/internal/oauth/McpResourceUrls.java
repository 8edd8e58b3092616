package dev.mcpspring.internal.oauth;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The MCP endpoint as an OAuth 2.0 protected resource: whether a request is for it, its
 * canonical URL (the resource identifier) and the URL of its metadata (RFC 9728, the
 * well-known path inserted before the endpoint's path within the context path).
 */
public final class McpResourceUrls {

	/** The well-known path of protected resource metadata. */
	public static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

	private final String endpointPath;

	private final @Nullable String resource;

	/**
	 * Creates the URLs.
	 * @param endpointPath the endpoint's path within the application (servlet path and
	 * MCP path)
	 * @param resource the configured canonical URL, or {@code null} to take the request's
	 */
	public McpResourceUrls(String endpointPath, @Nullable String resource) {
		this.endpointPath = endpointPath;
		this.resource = StringUtils.hasText(resource) ? resource : null;
	}

	/**
	 * Returns whether a request is for the MCP endpoint.
	 * @param request the request
	 * @return whether its path is the endpoint's
	 */
	public boolean isEndpoint(HttpServletRequest request) {
		String path = pathWithinApplication(request);
		return path.equals(this.endpointPath) || path.startsWith(this.endpointPath + "/");
	}

	/**
	 * Returns whether a request asks for the metadata of the MCP endpoint (the root
	 * well-known path, or the one with the endpoint's path inserted).
	 * @param request the request
	 * @return whether the metadata is the endpoint's
	 */
	public boolean isEndpointMetadata(HttpServletRequest request) {
		String path = pathWithinApplication(request);
		return path.equals(WELL_KNOWN) || path.equals(WELL_KNOWN + "/")
				|| path.equals(WELL_KNOWN + this.endpointPath);
	}

	/**
	 * Returns the canonical URL of the endpoint.
	 * @param request a request of the application
	 * @return the configured resource, or the request's origin, context path and the
	 * endpoint's path
	 */
	public String resource(HttpServletRequest request) {
		return (this.resource != null) ? this.resource
				: origin(request) + request.getContextPath() + this.endpointPath;
	}

	/**
	 * Returns the URL of the endpoint's protected resource metadata.
	 * @param request a request of the application
	 * @return the URL advertised in challenges
	 */
	public String metadataUrl(HttpServletRequest request) {
		return origin(request) + request.getContextPath() + WELL_KNOWN + this.endpointPath;
	}

	private static String origin(HttpServletRequest request) {
		return UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
			.replacePath(null)
			.replaceQuery(null)
			.fragment(null)
			.build()
			.toUriString();
	}

	private static String pathWithinApplication(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
