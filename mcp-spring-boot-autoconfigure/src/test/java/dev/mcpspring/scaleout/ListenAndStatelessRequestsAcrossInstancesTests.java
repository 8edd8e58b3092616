package dev.mcpspring.scaleout;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import dev.mcpspring.McpResourceRegistry;
import dev.mcpspring.McpToolRegistry;
import dev.mcpspring.internal.docket.redis.RedisTestSupport;
import dev.mcpspring.internal.docket.redis.RequiresRedis;
import dev.mcpspring.internal.web.ListenStreams;
import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.SseEvent;
import dev.mcpspring.test.TextTool;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one Redis without sticky routing, serving 2026-07-28 clients: a change
 * made on A (its tool registry, a resource update) reaches a {@code subscriptions/listen}
 * stream held open to B, and one client's consecutive stateless requests are served
 * alternately by A and B.
 */
@RequiresRedis
class ListenAndStatelessRequestsAcrossInstancesTests {

	private static final String NAME = RedisTestSupport.uniqueName("listen-instances");

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final ScaleOutNodes nodes = new ScaleOutNodes(NAME);

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void startInstances() {
		a = nodes.start("mcp.worker.enabled=false");
		b = nodes.start("mcp.worker.enabled=false");
	}

	@AfterAll
	static void stopInstances() {
		nodes.close();
	}

	@Test
	void changeOnOneInstanceReachesAListenerOnTheOther() {
		McpToolRegistry toolsOfA = a.getBean(McpToolRegistry.class);
		McpResourceRegistry resourcesOfA = a.getBean(McpResourceRegistry.class);
		try (McpEventStream onB = client(b).stateless(ListenStreams.METHOD, null)
			.json(McpTestClient.statelessBody("on-b", ListenStreams.METHOD,
					Map.of("notifications",
							Map.of("toolsListChanged", true, "resourceSubscriptions", List.of(ScaleOutCatalog.STATUS))),
					Map.of()))
			.stream()) {
			onB.nextNotification("notifications/subscriptions/acknowledged", WAIT);

			// until B's pub/sub subscription is up, a change published on A may be missed
			await().atMost(WAIT).untilAsserted(() -> {
				toolsOfA.register(new TextTool("changed_on_a", "Exists for a moment", "a"));
				toolsOfA.remove("changed_on_a");
				JsonNode changed = onB.nextNotification("notifications/tools/list_changed", Duration.ofMillis(500));
				assertThat(changed.path("params").path("_meta").path(ListenStreams.META_SUBSCRIPTION_ID).asString())
					.isEqualTo("on-b");
			});

			resourcesOfA.resourceUpdated("scaleout://elsewhere");
			resourcesOfA.resourceUpdated(ScaleOutCatalog.STATUS);
			JsonNode updated = onB.nextNotification("notifications/resources/updated", WAIT);
			assertThat(updated.path("params").path("uri").asString()).isEqualTo(ScaleOutCatalog.STATUS);
			assertThat(updated.path("params").path("_meta").path(ListenStreams.META_SUBSCRIPTION_ID).asString())
				.isEqualTo("on-b");
			onB.assertNoMessageWithin(Duration.ofMillis(500));
			assertThat(onB.received().stream().filter(SseEvent::hasMessage).map(SseEvent::json))
				.filteredOn((message) -> message.path("method").asString().endsWith("/updated"))
				.map((message) -> message.path("params").path("uri").asString())
				.containsExactly(ScaleOutCatalog.STATUS);
		}
	}

	@Test
	void consecutiveStatelessRequestsOfOneClientAlternateBetweenInstances() {
		List<ConfigurableApplicationContext> order = List.of(a, b, a, b, b, a, b, a);
		int step = 0;
		for (int round = 0; round < 2; round++) {
			McpResponse list = client(order.get(step++)).statelessRequest("tools/list", Map.of());
			assertThat(list.result().path("tools").valueStream().map((tool) -> tool.path("name").asString()))
				.contains("served_by");
			ConfigurableApplicationContext calling = order.get(step++);
			McpResponse call = client(calling).statelessRequest("tools/call",
					Map.of("name", "served_by", "arguments", Map.of()));
			assertThat(call.text()).isEqualTo("served by " + ScaleOutNodes.port(calling));
			ConfigurableApplicationContext reading = order.get(step++);
			McpResponse read = client(reading).statelessRequest("resources/read", Map.of("uri", ScaleOutCatalog.STATUS));
			assertThat(read.result().path("contents").get(0).path("text").asString())
				.isEqualTo("read on " + ScaleOutNodes.port(reading));
			ConfigurableApplicationContext rendering = order.get(step++);
			McpResponse get = client(rendering).statelessRequest("prompts/get", Map.of("name", "instance"));
			assertThat(get.result().path("messages").get(0).path("content").path("text").asString())
				.isEqualTo("rendered on " + ScaleOutNodes.port(rendering));
			assertThat(get.header(McpTestClient.SESSION_ID)).isNull();
		}
	}

	private static McpTestClient client(ConfigurableApplicationContext context) {
		return McpTestClient.forEndpoint(URI.create(ScaleOutNodes.url(context)));
	}

}
