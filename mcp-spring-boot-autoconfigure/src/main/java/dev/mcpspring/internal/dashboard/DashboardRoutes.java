package dev.mcpspring.internal.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.HtmlUtils;

import dev.mcpspring.tasks.Docket;
import dev.mcpspring.tasks.DocketAdmin;
import dev.mcpspring.tasks.TaskInfo;

/**
 * The dashboard's routes: the page and its assets, the JSON API, live updates and the
 * actions, under the dashboard path.
 */
public final class DashboardRoutes {

	private static final String ASSETS = "META-INF/mcp-dashboard/";

	private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
			+ "style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; "
			+ "frame-ancestors 'none'";

	private final String path;

	private final Docket docket;

	private final DocketAdmin admin;

	private final DashboardSnapshots snapshots;

	private final DashboardStreams streams;

	private final @Nullable SecurityAuthority authority;

	private final String page;

	private final String script;

	private final String style;

	private final String icon;

	private DashboardRoutes(String path, Docket docket, DocketAdmin admin, DashboardSnapshots snapshots,
			DashboardStreams streams, @Nullable SecurityAuthority authority) {
		this.path = path;
		this.docket = docket;
		this.admin = admin;
		this.snapshots = snapshots;
		this.streams = streams;
		this.authority = authority;
		this.page = asset("index.html");
		this.script = asset("dashboard.js");
		this.style = asset("dashboard.css");
		this.icon = asset("favicon.svg");
	}

	/**
	 * Returns the dashboard's routes.
	 * @param path the dashboard path
	 * @param docket the docket
	 * @param admin the docket's operator side
	 * @param snapshots what the page shows
	 * @param streams the live updates
	 * @param access who may use the dashboard
	 * @param authority the authority Spring Security users need, when it is active
	 * @return the routes
	 */
	public static RouterFunction<ServerResponse> of(String path, Docket docket, DocketAdmin admin,
			DashboardSnapshots snapshots, DashboardStreams streams, DashboardAccess access,
			@Nullable SecurityAuthority authority) {
		DashboardRoutes routes = new DashboardRoutes(path, docket, admin, snapshots, streams, authority);
		return RouterFunctions.route()
			.GET(path, routes::page)
			.GET(path + "/", routes::page)
			.GET(path + "/dashboard.js", (request) -> routes.asset(routes.script, "text/javascript"))
			.GET(path + "/dashboard.css", (request) -> routes.asset(routes.style, "text/css"))
			.GET(path + "/favicon.svg", (request) -> routes.asset(routes.icon, "image/svg+xml"))
			.GET(path + "/api/snapshot", (request) -> DashboardResponses.json(snapshots.snapshot(filter(request))))
			.GET(path + "/api/tasks", (request) -> DashboardResponses.json(snapshots.tasks(filter(request))))
			.GET(path + "/api/events", (request) -> streams.open(filter(request)))
			.POST(path + "/api/tasks/{id}/cancel", routes::cancel)
			.POST(path + "/api/tasks/{id}/retry", routes::retry)
			.POST(path + "/api/purge-finished", routes::purgeFinished)
			.filter(access)
			.onError(IllegalArgumentException.class, (ex, request) -> DashboardResponses.error(400,
					Objects.requireNonNullElse(ex.getMessage(), "Bad request")))
			.build();
	}

	private static TaskFilter filter(ServerRequest request) {
		return TaskFilter.of(request.param("state").orElse(null), request.param("id").orElse(null),
				request.param("cursor").orElse(null));
	}

	private ServerResponse page(ServerRequest request) {
		HttpServletRequest servletRequest = request.servletRequest();
		String token = DashboardAccess.tokenCookie(servletRequest);
		if (token == null) {
			token = DashboardAccess.newToken();
		}
		String[] csrf = (this.authority != null) ? SecurityAuthority.csrfHeader(servletRequest) : null;
		String base = servletRequest.getContextPath() + this.path;
		String html = this.page.replace("{{base}}", HtmlUtils.htmlEscape(base))
			.replace("{{token}}", token)
			.replace("{{csrfHeader}}", (csrf != null) ? HtmlUtils.htmlEscape(csrf[0]) : "")
			.replace("{{csrfToken}}", (csrf != null) ? HtmlUtils.htmlEscape(csrf[1]) : "");
		ResponseCookie cookie = ResponseCookie.from(DashboardAccess.TOKEN_COOKIE, token)
			.path(base)
			.httpOnly(true)
			.sameSite("Strict")
			.secure(servletRequest.isSecure())
			.maxAge(Duration.ofHours(12))
			.build();
		return secured(ServerResponse.ok()).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header(HttpHeaders.SET_COOKIE, cookie.toString())
			.cacheControl(CacheControl.noStore())
			.body(html);
	}

	private ServerResponse asset(String content, String type) {
		return secured(ServerResponse.ok())
			.contentType(new MediaType(MediaType.parseMediaType(type), StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noCache())
			.body(content);
	}

	private static ServerResponse.BodyBuilder secured(ServerResponse.BodyBuilder builder) {
		return builder.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.header("X-Content-Type-Options", "nosniff")
			.header("Referrer-Policy", "no-referrer")
			.header("X-Frame-Options", "DENY");
	}

	private ServerResponse cancel(ServerRequest request) {
		return outcome(this.docket.cancel(request.pathVariable("id"), "Cancelled from the task dashboard"),
				"The task is unknown or has finished");
	}

	private ServerResponse retry(ServerRequest request) {
		return outcome(this.admin.retry(request.pathVariable("id")), "The task is unknown or has not failed");
	}

	private ServerResponse purgeFinished(ServerRequest request) {
		return DashboardResponses.json(Map.of("purged", this.admin.purgeFinished()));
	}

	private static ServerResponse outcome(Optional<TaskInfo> task, String notFound) {
		return task.map((info) -> DashboardResponses.json(Map.of("id", info.id(), "status", info.status().wireName())))
			.orElseGet(() -> DashboardResponses.error(409, notFound));
	}

	private static String asset(String name) {
		try (InputStream in = new ClassPathResource(ASSETS + name).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
