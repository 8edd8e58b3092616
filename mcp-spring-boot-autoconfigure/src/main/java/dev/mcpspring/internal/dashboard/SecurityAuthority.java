package dev.mcpspring.internal.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The authority a Spring Security user needs to use the dashboard, and Spring Security's
 * CSRF token the page sends with its actions.
 */
public class SecurityAuthority {

	private final String authority;

	/**
	 * Creates the check.
	 * @param authority the authority
	 */
	public SecurityAuthority(String authority) {
		this.authority = authority;
	}

	/**
	 * Returns whether the current user has the authority.
	 * @return whether the user may use the dashboard
	 */
	boolean isGranted() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return false;
		}
		for (GrantedAuthority granted : authentication.getAuthorities()) {
			if (this.authority.equals(granted.getAuthority())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns Spring Security's CSRF token of a request, when its CSRF protection is on.
	 * @param request the request
	 * @return the header name and the token, or {@code null}
	 */
	static String @Nullable [] csrfHeader(HttpServletRequest request) {
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			return new String[] { token.getHeaderName(), token.getToken() };
		}
		return null;
	}

}
