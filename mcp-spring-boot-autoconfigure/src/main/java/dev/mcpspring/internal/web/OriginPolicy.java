package dev.mcpspring.internal.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Decides which {@code Origin}s may reach the MCP endpoint, against DNS rebinding.
 * Requests without an {@code Origin} (not from a browser) are allowed. Patterns follow
 * Spring's CORS origin patterns: {@code http://localhost:[*]} matches any port,
 * {@code https://*.example.com} any subdomain, {@code *} everything.
 */
public class OriginPolicy {

	private final CorsConfiguration patterns = new CorsConfiguration();

	public OriginPolicy(List<String> allowedOrigins) {
		this.patterns.setAllowedOriginPatterns(allowedOrigins);
	}

	public boolean isAllowed(@Nullable String origin) {
		return origin == null || this.patterns.checkOrigin(origin) != null;
	}

}
