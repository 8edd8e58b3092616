package dev.mcpspring.internal.protocol;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.SseEvent;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code notifications/cancelled} for a running call. The {@code block_until_cancelled}
 * tool logs {@code started}, sleeps, and when interrupted logs whether its context
 * says it was cancelled, so all of it is visible on the call's response stream.
 */
@McpServerTest
class CancellationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	private McpTestClient client;

	@BeforeEach
	void connect() {
		this.client = McpTestClient.forLocalServer(this.port);
		this.client.connect();
	}

	@Test
	void cancelledCallIsInterruptedAndSeesCancelledFlag() {
		long id = this.client.nextId();
		try (McpEventStream call = startBlockingCall(id)) {
			assertThat(cancel(this.client, id)).isEqualTo(202);
			JsonNode log = call.nextNotification("notifications/message", WAIT);
			assertThat(log.at("/params/data").asString()).isEqualTo("interrupted cancelled=true");
		}
	}

	@Test
	void cancelledCallGetsNoResponse() {
		long id = this.client.nextId();
		try (McpEventStream call = startBlockingCall(id)) {
			cancel(this.client, id);
			List<SseEvent> events = call.awaitEnd(WAIT);
			assertThat(events).filteredOn(SseEvent::hasMessage)
				.map(SseEvent::json)
				.noneMatch((message) -> message.has("result") || message.has("error"));
		}
	}

	@Test
	void serverKeepsServingAfterCancellation() {
		long id = this.client.nextId();
		try (McpEventStream call = startBlockingCall(id)) {
			cancel(this.client, id);
			call.awaitEnd(WAIT);
		}
		assertThat(this.client.call("ping", null).isEmpty()).isTrue();
		assertThat(this.client.callTool("echo", Map.of("text", "next")).text()).isEqualTo("next");
		// the thread that ran the cancelled call is not left interrupted
		for (int i = 0; i < McpServerTest.TOMCAT_THREADS * 2; i++) {
			assertThat(this.client.callTool("future_weather", Map.of("city", "Oslo")).isToolError()).isFalse();
		}
	}

	@Test
	void cancellationFromAnotherSessionIsIgnored() {
		McpTestClient other = McpTestClient.forLocalServer(this.port);
		other.connect();
		long id = this.client.nextId();
		try (McpEventStream call = startBlockingCall(id)) {
			assertThat(cancel(other, id)).isEqualTo(202);
			call.assertNoMessageWithin(Duration.ofMillis(500));
			assertThat(call.isEnded()).isFalse();
			cancel(this.client, id);
			assertThat(call.nextNotification("notifications/message", WAIT).at("/params/data").asString())
				.isEqualTo("interrupted cancelled=true");
		}
	}

	@Test
	void cancellationOfUnknownRequestIsAccepted() {
		assertThat(cancel(this.client, 987654321L)).isEqualTo(202);
		assertThat(this.client.call("ping", null).isEmpty()).isTrue();
	}

	@Test
	void cancellationWithStringRequestIdCancelsThatRequest() {
		try (McpEventStream call = this.client.streamRequest("call-7", "tools/call",
				McpTestClient.toolCall("block_until_cancelled", null, null))) {
			awaitStarted(call);
			this.client.notify("notifications/cancelled", Map.of("requestId", "call-7"));
			assertThat(call.nextNotification("notifications/message", WAIT).at("/params/data").asString())
				.isEqualTo("interrupted cancelled=true");
		}
	}

	private McpEventStream startBlockingCall(long id) {
		McpEventStream call = this.client.streamRequest(id, "tools/call",
				McpTestClient.toolCall("block_until_cancelled", null, null));
		awaitStarted(call);
		return call;
	}

	private static void awaitStarted(McpEventStream call) {
		assertThat(call.status()).isEqualTo(200);
		assertThat(call.contentType()).startsWith("text/event-stream");
		assertThat(call.next(WAIT).isPriming()).isTrue();
		JsonNode started = call.nextNotification("notifications/message", WAIT);
		assertThat(started.at("/params/data").asString()).isEqualTo("started");
	}

	private static int cancel(McpTestClient client, Object requestId) {
		return client.notify("notifications/cancelled", Map.of("requestId", requestId, "reason", "test")).status();
	}

}
