package dev.mcpspring.internal.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.McpToolRegistry;
import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.SseEvent;
import dev.mcpspring.test.TextTool;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resumable SSE streams: a stream the server closes mid-call, or whose connection the
 * client loses, is resumed with GET and {@code Last-Event-ID}, replaying exactly what
 * that stream missed.
 */
@McpServerTest
class StreamResumptionTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	@Autowired
	private McpToolRegistry tools;

	private McpTestClient client;

	@BeforeEach
	void connect() {
		this.client = McpTestClient.forLocalServer(this.port);
		this.client.connect();
	}

	@Test
	void callWhoseStreamTheServerClosesIsResumedWithLastEventId() {
		List<SseEvent> first;
		try (McpEventStream post = this.client.raw()
			.json(McpTestClient.request(1, "tools/call",
					McpTestClient.toolCall("reconnect_midway", Map.of("steps", 4), "resume-1")))
			.stream()) {
			first = post.awaitEnd(WAIT);
		}
		assertThat(first.get(0).isPriming()).isTrue();
		assertThat(first).anySatisfy((event) -> assertThat(event.retry()).isEqualTo("1000"));
		assertThat(first).noneSatisfy((event) -> assertThat(event.hasMessage() && event.json().has("result")).isTrue());
		String lastEventId = lastId(first);
		try (McpEventStream resumed = resume(lastEventId)) {
			List<SseEvent> rest = resumed.awaitEnd(WAIT);
			List<Double> progress = rest.stream()
				.filter(SseEvent::hasMessage)
				.map(SseEvent::json)
				.filter((message) -> "notifications/progress".equals(message.path("method").asString()))
				.map((message) -> message.path("params").path("progress").asDouble())
				.toList();
			assertThat(progress).containsExactly(2.0, 3.0, 4.0);
			JsonNode response = rest.get(rest.size() - 1).json();
			assertThat(response.path("id").asInt()).isEqualTo(1);
			assertThat(response.path("result").path("content").get(0).path("text").asString())
				.isEqualTo("resumed after 4");
		}
	}

	@Test
	void resumingAgainFromAnEarlierEventReplaysTheSameEvents() {
		List<SseEvent> first;
		try (McpEventStream post = this.client.raw()
			.json(McpTestClient.request(2, "tools/call",
					McpTestClient.toolCall("reconnect_midway", Map.of("steps", 3), "resume-2")))
			.stream()) {
			first = post.awaitEnd(WAIT);
		}
		List<SseEvent> once;
		try (McpEventStream resumed = resume(lastId(first))) {
			once = resumed.awaitEnd(WAIT);
		}
		List<SseEvent> twice;
		try (McpEventStream resumed = resume(lastId(first))) {
			twice = resumed.awaitEnd(WAIT);
		}
		assertThat(messages(twice)).isEqualTo(messages(once));
	}

	@Test
	void standaloneStreamReplaysOnlyWhatItMissed() {
		String missedA = "missed_a_" + System.nanoTime();
		String lastSeen;
		try (McpEventStream stream = this.client.openStream()) {
			stream.next(WAIT);
			this.tools.register(new TextTool("seen_" + System.nanoTime(), "seen", "x"));
			stream.nextNotification("notifications/tools/list_changed", WAIT);
			lastSeen = lastId(stream.received());
		}
		this.tools.register(new TextTool(missedA, "missed", "x"));
		this.tools.remove(missedA);
		try (McpEventStream resumed = resume(lastSeen)) {
			JsonNode first = resumed.nextNotification("notifications/tools/list_changed", WAIT);
			JsonNode second = resumed.nextNotification("notifications/tools/list_changed", WAIT);
			assertThat(first).isNotNull();
			assertThat(second).isNotNull();
			resumed.assertNoMessageWithin(Duration.ofMillis(300));
		}
	}

	@Test
	void resumedRequestStreamDoesNotCarryMessagesOfOtherStreams() {
		try (McpEventStream standalone = this.client.openStream()) {
			standalone.next(WAIT);
			List<SseEvent> first;
			try (McpEventStream post = this.client.raw()
				.json(McpTestClient.request(3, "tools/call",
						McpTestClient.toolCall("reconnect_midway", Map.of("steps", 2), "resume-3")))
				.stream()) {
				first = post.awaitEnd(WAIT);
			}
			String tool = "other_" + System.nanoTime();
			this.tools.register(new TextTool(tool, "other", "x"));
			this.tools.remove(tool);
			standalone.nextNotification("notifications/tools/list_changed", WAIT);
			try (McpEventStream resumed = resume(lastId(first))) {
				assertThat(messages(resumed.awaitEnd(WAIT)))
					.noneSatisfy((message) -> assertThat(message.path("method").asString())
						.isEqualTo("notifications/tools/list_changed"));
			}
		}
	}

	@Test
	void unknownLastEventIdOpensTheStandaloneStream() {
		try (McpEventStream stream = resume("no-such-stream-7")) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.next(WAIT).isPriming()).isTrue();
			assertThat(stream.isEnded()).isFalse();
		}
	}

	@Test
	void eventIdsOfAResumedStreamStayUniqueWithinTheSession() {
		List<SseEvent> first;
		try (McpEventStream post = this.client.raw()
			.json(McpTestClient.request(4, "tools/call",
					McpTestClient.toolCall("reconnect_midway", Map.of("steps", 3), "resume-4")))
			.stream()) {
			first = post.awaitEnd(WAIT);
		}
		try (McpEventStream resumed = resume(lastId(first))) {
			List<String> ids = new java.util.ArrayList<>();
			first.forEach((event) -> ids.add(event.id()));
			resumed.awaitEnd(WAIT).forEach((event) -> ids.add(event.id()));
			assertThat(ids.stream().filter(java.util.Objects::nonNull).toList()).doesNotHaveDuplicates();
		}
	}

	private McpEventStream resume(String lastEventId) {
		return this.client.raw()
			.method("GET")
			.withoutHeader("Content-Type")
			.header("Accept", "text/event-stream")
			.header("Last-Event-ID", lastEventId)
			.stream();
	}

	private static String lastId(List<SseEvent> events) {
		String id = null;
		for (SseEvent event : events) {
			if (event.id() != null) {
				id = event.id();
			}
		}
		return id;
	}

	private static List<JsonNode> messages(List<SseEvent> events) {
		return events.stream().filter(SseEvent::hasMessage).map(SseEvent::json).toList();
	}

}
