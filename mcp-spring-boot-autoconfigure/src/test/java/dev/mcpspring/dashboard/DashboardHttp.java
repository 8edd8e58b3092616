package dev.mcpspring.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests to a dashboard over real HTTP, with the page's token as the page sends it.
 */
final class DashboardHttp {

	private static final Pattern TOKEN = Pattern.compile("name=\"mcp-dashboard-token\" content=\"([0-9a-f]+)\"");

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	DashboardHttp(String base) {
		this.base = base;
	}

	HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(10));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.noBody());
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Loads the page and returns its token, which is also its cookie's value.
	 * @return the token
	 */
	String token() throws IOException, InterruptedException {
		Matcher matcher = TOKEN.matcher(get("/mcp-dashboard").body());
		if (!matcher.find()) {
			throw new IllegalStateException("No token in the page");
		}
		return matcher.group(1);
	}

	HttpResponse<String> action(String path, String token) throws IOException, InterruptedException {
		return post(path, "Cookie", "MCP_DASHBOARD_TOKEN=" + token, "X-MCP-Dashboard-Token", token);
	}

}
