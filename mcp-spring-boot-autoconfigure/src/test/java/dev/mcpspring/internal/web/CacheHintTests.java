package dev.mcpspring.internal.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.app.McpTestApplication;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caching hints of 2026-07-28 results as {@code mcp.server.cache.*} configures them:
 * per feature, the same on every page of a list, none on other results, and none on the
 * results of 2025 sessions.
 */
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mcp.server.page-size=3", "mcp.server.cache.discover.ttl=1h",
				"mcp.server.cache.discover.scope=public", "mcp.server.cache.tools.ttl=5m",
				"mcp.server.cache.tools.scope=public", "mcp.server.cache.prompts.ttl=90s",
				"mcp.server.cache.resources.ttl=2s", "mcp.server.cache.resources.scope=PUBLIC",
				"mcp.server.cache.resource-templates.ttl=3s", "mcp.server.cache.resource-reads.ttl=250ms" })
class CacheHintTests {

	@LocalServerPort
	private int port;

	@Test
	void eachFeatureCarriesItsConfiguredHints() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		assertHints(client.statelessRequest("server/discover", Map.of()), 3_600_000, "public");
		assertHints(client.statelessRequest("tools/list", Map.of()), 300_000, "public");
		assertHints(client.statelessRequest("prompts/list", Map.of()), 90_000, "private");
		assertHints(client.statelessRequest("resources/list", Map.of()), 2_000, "public");
		assertHints(client.statelessRequest("resources/templates/list", Map.of()), 3_000, "private");
		assertHints(client.statelessRequest("resources/read", Map.of("uri", "notes://today")), 250, "private");
	}

	@Test
	void everyPageOfAListCarriesTheSameHints() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		String cursor = null;
		int pages = 0;
		do {
			McpResponse page = client.statelessRequest("tools/list",
					(cursor != null) ? Map.of("cursor", cursor) : Map.of());
			assertHints(page, 300_000, "public");
			JsonNode next = page.result().get("nextCursor");
			cursor = (next != null && next.isString()) ? next.asString() : null;
			pages++;
		}
		while (cursor != null);
		assertThat(pages).isGreaterThan(2);
	}

	@Test
	void otherResultsCarryNoHints() {
		McpResponse call = McpTestClient.forLocalServer(this.port)
			.statelessRequest("tools/call", Map.of("name", "echo", "arguments", Map.of("text", "x")));
		assertThat(call.result().has("ttlMs")).isFalse();
		assertThat(call.result().has("cacheScope")).isFalse();
	}

	@Test
	void sessionResultsCarryNoHints() {
		McpTestClient session = McpTestClient.forLocalServer(this.port);
		session.connect();
		JsonNode list = session.call("tools/list", null);
		assertThat(list.path("tools").size()).isPositive();
		assertThat(list.has("ttlMs")).isFalse();
		assertThat(list.has("cacheScope")).isFalse();
	}

	private static void assertHints(McpResponse response, long ttlMs, String scope) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.result().path("ttlMs").isIntegralNumber()).as(response.toString()).isTrue();
		assertThat(response.result().path("ttlMs").asLong()).as(response.toString()).isEqualTo(ttlMs);
		assertThat(response.result().path("cacheScope").asString()).as(response.toString()).isEqualTo(scope);
	}

}
