package dev.mcpspring.internal.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.McpToolRegistry;
import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.SseEvent;
import dev.mcpspring.test.TextTool;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Streamable HTTP transport: how POST, GET and DELETE are answered.
 */
@McpServerTest
class StreamableHttpTransportTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	@Autowired
	private McpToolRegistry registry;

	private McpTestClient client;

	@BeforeEach
	void connect() {
		this.client = McpTestClient.forLocalServer(this.port);
		this.client.connect();
	}

	@Test
	void requestWithoutRelatedMessagesIsAnsweredWithJson() {
		McpResponse response = this.client.callTool("echo", Map.of("text", "hello"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.isJson()).as(response.toString()).isTrue();
		assertThat(response.json().path("jsonrpc").asString()).isEqualTo("2.0");
		assertThat(response.text()).isEqualTo("hello");
	}

	@Test
	void responseCarriesTheRequestId() {
		JsonNode response = this.client.send(McpTestClient.request("my-request", "ping", null)).response();
		assertThat(response.path("id").asString()).isEqualTo("my-request");
		response = this.client.send(McpTestClient.request(4711, "ping", null)).response();
		assertThat(response.path("id").isIntegralNumber()).isTrue();
		assertThat(response.path("id").asInt()).isEqualTo(4711);
	}

	@Test
	void requestThatSendsProgressFirstIsAnsweredWithEventStreamStartingWithPrimingEvent() {
		McpResponse response = this.client.callTool("progress", Map.of("steps", 2), "token-1");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.isEventStream()).as(response.toString()).isTrue();
		List<SseEvent> events = response.events();
		assertThat(events).hasSize(4);
		assertThat(events.get(0).isPriming()).as("first event %s", events.get(0)).isTrue();
		assertThat(events.subList(1, 4)).allSatisfy((event) -> {
			assertThat(event.id()).isNotBlank();
			assertThat(event.hasMessage()).isTrue();
		});
		assertThat(events.get(1).json().path("method").asString()).isEqualTo("notifications/progress");
		assertThat(events.get(2).json().path("method").asString()).isEqualTo("notifications/progress");
		JsonNode last = events.get(3).json();
		assertThat(last.path("id").asLong()).isPositive();
		assertThat(last.at("/result/content/0/text").asString()).isEqualTo("done 2");
	}

	@Test
	void requestThatLogsFirstIsAnsweredWithEventStream() {
		McpResponse response = this.client.callTool("log_levels", null);
		assertThat(response.isEventStream()).as(response.toString()).isTrue();
		assertThat(response.events().get(0).isPriming()).isTrue();
		assertThat(response.notifications("notifications/message")).hasSize(4);
		assertThat(response.text()).isEqualTo("logged");
	}

	@Test
	void eventIdsAreUniqueWithinSession() {
		List<String> ids = new ArrayList<>();
		try (McpEventStream stream = this.client.openStream()) {
			ids.add(stream.next(WAIT).id());
			for (int i = 0; i < 3; i++) {
				McpResponse response = this.client.callTool("progress", Map.of("steps", 3), "token-" + i);
				response.events().forEach((event) -> ids.add(event.id()));
			}
			try (McpEventStream second = this.client.openStream()) {
				ids.add(second.next(WAIT).id());
			}
		}
		assertThat(ids).hasSize(3 * 5 + 2).doesNotContainNull().doesNotHaveDuplicates();
	}

	@Test
	void notificationIsAcceptedWithoutBody() {
		McpResponse response = this.client.notify("notifications/initialized", null);
		assertThat(response.status()).isEqualTo(202);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void unknownNotificationIsAcceptedWithoutBody() {
		McpResponse response = this.client.notify("notifications/something_new", Map.of("x", 1));
		assertThat(response.status()).isEqualTo(202);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void responseFromClientIsAcceptedWithoutBody() {
		McpResponse result = this.client.send(Map.of("jsonrpc", "2.0", "id", "server-request-1", "result", Map.of()));
		assertThat(result.status()).isEqualTo(202);
		assertThat(result.body()).isEmpty();
		McpResponse error = this.client.send(Map.of("jsonrpc", "2.0", "id", 5, "error",
				Map.of("code", -32601, "message", "Method not found")));
		assertThat(error.status()).isEqualTo(202);
		assertThat(error.body()).isEmpty();
	}

	@Test
	void getOpensEventStreamStartingWithPrimingEvent() {
		try (McpEventStream stream = this.client.openStream()) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.contentType()).startsWith("text/event-stream");
			SseEvent first = stream.next(WAIT);
			assertThat(first.isPriming()).as("first event %s", first).isTrue();
		}
	}

	@Test
	void headDoesNotOpenStreamNorTakeTheSessionsNotifications() {
		try (McpEventStream stream = this.client.openStream()) {
			assertThat(stream.next(WAIT).isPriming()).isTrue();
			McpResponse head = this.client.raw()
				.method("HEAD")
				.withoutHeader("Content-Type")
				.header("Accept", "text/event-stream")
				.send();
			assertThat(head.status()).isEqualTo(405);
			this.registry.register(new TextTool("head_probe", "Added at runtime", "probe"));
			try {
				stream.nextNotification("notifications/tools/list_changed", WAIT);
			}
			finally {
				this.registry.remove("head_probe");
			}
		}
	}

	@Test
	void getWithoutEventStreamInAcceptIsNotAcceptable() {
		McpResponse response = this.client.raw()
			.method("GET")
			.withoutHeader("Content-Type")
			.header("Accept", "application/json")
			.send();
		assertThat(response.status()).isEqualTo(406);
	}

	@Test
	void getWithoutSessionIsBadRequest() {
		McpResponse response = this.client.raw()
			.method("GET")
			.withoutHeader(McpTestClient.SESSION_ID)
			.withoutHeader("Content-Type")
			.header("Accept", "text/event-stream")
			.send();
		assertThat(response.status()).isEqualTo(400);
	}

	@Test
	void getWithUnknownSessionIsNotFound() {
		McpResponse response = this.client.raw()
			.method("GET")
			.header(McpTestClient.SESSION_ID, "0123456789abcdef0123456789abcdef")
			.withoutHeader("Content-Type")
			.header("Accept", "text/event-stream")
			.send();
		assertThat(response.status()).isEqualTo(404);
	}

	@Test
	void deleteEndsSession() {
		McpResponse deleted = this.client.delete();
		assertThat(deleted.status()).isBetween(200, 204);
		McpResponse afterwards = this.client.request("ping", null);
		assertThat(afterwards.status()).isEqualTo(404);
		McpResponse stream = this.client.raw()
			.method("GET")
			.withoutHeader("Content-Type")
			.header("Accept", "text/event-stream")
			.send();
		assertThat(stream.status()).isEqualTo(404);
		assertThat(this.client.delete().status()).isEqualTo(404);
	}

	@Test
	void deleteOfOneSessionLeavesOthersAlone() {
		McpTestClient other = McpTestClient.forLocalServer(this.port);
		other.connect();
		assertThat(other.delete().status()).isBetween(200, 204);
		assertThat(this.client.call("ping", null).isEmpty()).isTrue();
	}

	@Test
	void deleteWithoutSessionIsBadRequest() {
		McpResponse response = this.client.raw()
			.method("DELETE")
			.withoutHeader(McpTestClient.SESSION_ID)
			.withoutHeader("Content-Type")
			.send();
		assertThat(response.status()).isEqualTo(400);
	}

}
