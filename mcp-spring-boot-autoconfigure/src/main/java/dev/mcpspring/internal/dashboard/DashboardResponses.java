package dev.mcpspring.internal.dashboard;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerResponse;

import dev.mcpspring.internal.wire.McpJson;

/**
 * The dashboard's JSON responses, never cached.
 */
final class DashboardResponses {

	private DashboardResponses() {
	}

	static ServerResponse json(Object body) {
		return ServerResponse.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noStore())
			.body(McpJson.mapper().writeValueAsString(body));
	}

	static ServerResponse error(int status, String message) {
		return ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noStore())
			.body(McpJson.mapper().writeValueAsString(Map.of("error", message)));
	}

}
