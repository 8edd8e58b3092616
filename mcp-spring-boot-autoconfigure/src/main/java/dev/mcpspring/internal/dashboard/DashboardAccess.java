package dev.mcpspring.internal.dashboard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import dev.mcpspring.internal.wire.RandomIds;

/**
 * Who may use the dashboard: with Spring Security active, users with the authority;
 * without it, loopback requests only unless remote ones are allowed. Actions (POST) also
 * need the page's token, sent back in a header and matching the page's cookie, and must
 * not come from another site (Origin and Sec-Fetch-Site).
 */
public class DashboardAccess implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	/** The header carrying the page's token on actions. */
	static final String TOKEN_HEADER = "X-MCP-Dashboard-Token";

	/** The cookie holding the page's token. */
	static final String TOKEN_COOKIE = "MCP_DASHBOARD_TOKEN";

	private final @Nullable SecurityAuthority authority;

	private final boolean allowRemote;

	/**
	 * Creates the access rules.
	 * @param authority the authority users need, when Spring Security is active
	 * @param allowRemote whether other hosts than loopback may use the dashboard without
	 * Spring Security
	 */
	public DashboardAccess(@Nullable SecurityAuthority authority, boolean allowRemote) {
		this.authority = authority;
		this.allowRemote = allowRemote;
	}

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
		HttpServletRequest servletRequest = request.servletRequest();
		boolean allowed = (this.authority != null) ? this.authority.isGranted()
				: this.allowRemote || isLoopback(servletRequest);
		if (!allowed) {
			return DashboardResponses.error(403, "Not allowed to see the task dashboard");
		}
		if (HttpMethod.POST.equals(request.method()) && !isSameSiteWithToken(servletRequest)) {
			return DashboardResponses.error(403, "Refused: the action did not come from the dashboard page");
		}
		return next.handle(request);
	}

	private static boolean isLoopback(HttpServletRequest request) {
		try {
			return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static boolean isSameSiteWithToken(HttpServletRequest request) {
		String fetchSite = request.getHeader("Sec-Fetch-Site");
		if (fetchSite != null && !fetchSite.equals("same-origin")) {
			return false;
		}
		String origin = request.getHeader("Origin");
		if (origin != null && !origin.toLowerCase(Locale.ROOT).equals(ownOrigin(request))) {
			return false;
		}
		String cookie = tokenCookie(request);
		String header = request.getHeader(TOKEN_HEADER);
		return cookie != null && header != null && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8),
				header.getBytes(StandardCharsets.UTF_8));
	}

	private static String ownOrigin(HttpServletRequest request) {
		String host = request.getHeader("Host");
		return (request.getScheme() + "://" + ((host != null) ? host : request.getServerName()))
			.toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns the page token of a request's cookie, when it has a well-formed one.
	 * @param request the request
	 * @return the token, or {@code null}
	 */
	static @Nullable String tokenCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (TOKEN_COOKIE.equals(cookie.getName()) && cookie.getValue().matches("[A-Za-z0-9_-]{16,64}")) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	/**
	 * Returns a new page token.
	 * @return the token
	 */
	static String newToken() {
		return RandomIds.next();
	}

}
