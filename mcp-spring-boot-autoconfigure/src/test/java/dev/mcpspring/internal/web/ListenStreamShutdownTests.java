package dev.mcpspring.internal.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.SseEvent;
import dev.mcpspring.test.app.McpTestApplication;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the application (graceful shutdown, with a long shutdown phase) while a client
 * holds a {@code subscriptions/listen} stream open: the stream is answered with the
 * listen request's result ({@code resultType} complete, the subscription id in
 * {@code _meta}) and ends, so the application closes without waiting for the client.
 */
class ListenStreamShutdownTests {

	@Test
	void shutdownEndsListenStreamsWithTheirResult() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(McpTestApplication.class).run(
				"--server.port=0", "--server.shutdown=graceful", "--spring.lifecycle.timeout-per-shutdown-phase=2m");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		McpTestClient client = McpTestClient.forLocalServer(port);
		try (McpEventStream stream = client.stateless(ListenStreams.METHOD, null)
			.json(McpTestClient.statelessBody(7, ListenStreams.METHOD,
					Map.of("notifications", Map.of("toolsListChanged", true)), Map.of()))
			.stream()) {
			stream.nextNotification("notifications/subscriptions/acknowledged", McpTestClient.TIMEOUT);

			CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close);
			List<SseEvent> events = stream.awaitEnd(Duration.ofSeconds(30));
			closed.get(60, TimeUnit.SECONDS);

			List<JsonNode> messages = events.stream().filter(SseEvent::hasMessage).map(SseEvent::json).toList();
			JsonNode last = messages.get(messages.size() - 1);
			assertThat(last.path("id").isIntegralNumber()).isTrue();
			assertThat(last.path("id").asInt()).isEqualTo(7);
			assertThat(last.path("result").path("resultType").asString()).isEqualTo("complete");
			assertThat(last.path("result").path("_meta").path(ListenStreams.META_SUBSCRIPTION_ID).asInt())
				.isEqualTo(7);
		}
		finally {
			context.close();
		}
	}

}
