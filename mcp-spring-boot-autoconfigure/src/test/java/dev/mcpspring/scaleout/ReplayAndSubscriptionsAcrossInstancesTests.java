package dev.mcpspring.scaleout;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.mcpspring.McpResourceRegistry;
import dev.mcpspring.internal.docket.redis.RedisTestSupport;
import dev.mcpspring.internal.docket.redis.RequiresRedis;
import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.SseEvent;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a 2025-11-25 session keeps in Redis so that no instance holds it alone: the events
 * of its streams (a client resumes with {@code Last-Event-ID} on any instance, even when
 * the one that sent them was killed) and its resource subscriptions (an update on any
 * instance reaches it). Two web nodes without sticky routing: A, a process of its own
 * that the last test kills, and B, in this JVM, with the worker.
 */
@RequiresRedis
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayAndSubscriptionsAcrossInstancesTests {

	private static final String NAME = RedisTestSupport.uniqueName("replay");

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String PROGRESS = "notifications/progress";

	private static final String STATUS = "notifications/tasks/status";

	private static final String UPDATED = "notifications/resources/updated";

	private static NodeProcess a;

	private static URI urlA;

	private static final ScaleOutNodes nodes = new ScaleOutNodes(NAME);

	private static ConfigurableApplicationContext b;

	private static URI urlB;

	@BeforeAll
	static void startInstances() throws Exception {
		int portA = freePort();
		a = NodeProcess.startWeb("web-a", NAME, portA);
		urlA = url(portA);
		b = nodes.start();
		urlB = url(ScaleOutNodes.port(b));
		a.awaitStarted(Duration.ofSeconds(60));
	}

	@AfterAll
	static void stopInstances() throws Exception {
		if (a != null) {
			a.close();
		}
		nodes.close();
	}

	@Test
	@Order(3)
	void clientResumesOnTheOtherInstanceAfterTheOneHoldingItsStreamWasKilled() throws Exception {
		McpTestClient onB = McpTestClient.forEndpoint(urlB);
		onB.connect();
		McpTestClient onA = McpTestClient.forEndpoint(urlA)
			.sessionId(onB.sessionId())
			.protocolVersion(onB.protocolVersion());
		List<SseEvent> received = new ArrayList<>();
		McpEventStream streamOnA = onA.openStream();
		assertThat(streamOnA.next(WAIT).isPriming()).isTrue();
		JsonNode created = onB.call("tools/call", Map.of("name", "slow", "arguments",
				Map.of("steps", 30, "delay_ms", 40), "task", Map.of("ttl", 60000), "_meta",
				Map.of("progressToken", "p1")));
		String taskId = created.path("task").path("taskId").asString();
		while (progressCount(received) < 5) {
			received.add(streamOnA.next(WAIT));
		}
		a.kill();
		// the task goes on: its progress is kept while the client reconnects
		Thread.sleep(200);
		String lastEventId = received.get(received.size() - 1).id();
		McpEventStream streamOnB = onB.raw()
			.method("GET")
			.withoutHeader("Content-Type")
			.header("Accept", "text/event-stream")
			.header("Last-Event-ID", lastEventId)
			.stream();
		SseEvent priming = streamOnB.next(WAIT);
		assertThat(priming.isPriming()).isTrue();
		assertThat(priming.id()).isEqualTo(lastEventId);
		while (received.stream().noneMatch((event) -> isCompleted(event, taskId))) {
			received.add(streamOnB.next(WAIT));
		}
		assertThat(received).filteredOn(SseEvent::hasMessage)
			.filteredOn((event) -> PROGRESS.equals(event.json().path("method").asString()))
			.extracting((event) -> event.json().path("params").path("progress").asInt())
			.containsExactlyElementsOf(range(1, 30));
		List<String> ids = received.stream().filter(SseEvent::hasMessage).map(SseEvent::id).toList();
		assertThat(ids).doesNotHaveDuplicates();
		assertThat(ids).allMatch((id) -> id.startsWith(lastEventId.substring(0, lastEventId.lastIndexOf('-'))));
		assertThat(ids.stream().map((id) -> Long.parseLong(id.substring(id.lastIndexOf('-') + 1))).toList())
			.isSorted();
		streamOnB.close();
		streamOnA.close();
	}

	@Test
	@Order(1)
	void responseStreamOfARequestOnOneInstanceIsResumedOnTheOther() throws Exception {
		McpTestClient onB = McpTestClient.forEndpoint(urlB);
		onB.connect();
		McpTestClient onA = McpTestClient.forEndpoint(urlA)
			.sessionId(onB.sessionId())
			.protocolVersion(onB.protocolVersion());
		McpEventStream call = onB.streamRequest("call-1", "tools/call",
				McpTestClient.toolCall("slow", Map.of("steps", 12, "delay_ms", 40), "p2"));
		List<SseEvent> received = new ArrayList<>();
		while (progressCount(received) < 3) {
			received.add(call.next(WAIT));
		}
		// the client loses the response; the call goes on on B, and the client resumes on A
		call.close();
		String lastEventId = received.get(received.size() - 1).id();
		McpEventStream resumed = onA.raw()
			.method("GET")
			.withoutHeader("Content-Type")
			.header("Accept", "text/event-stream")
			.header("Last-Event-ID", lastEventId)
			.stream();
		received.addAll(resumed.awaitEnd(WAIT));
		assertThat(received).filteredOn(SseEvent::hasMessage)
			.filteredOn((event) -> PROGRESS.equals(event.json().path("method").asString()))
			.extracting((event) -> event.json().path("params").path("progress").asInt())
			.containsExactlyElementsOf(range(1, 12));
		SseEvent last = received.get(received.size() - 1);
		assertThat(last.json().path("id").asString()).isEqualTo("call-1");
		assertThat(last.json().path("result").path("content").path(0).path("text").asString())
			.startsWith("done by pid");
		assertThat(received.stream().filter(SseEvent::hasMessage).map(SseEvent::id).toList())
			.doesNotHaveDuplicates();
	}

	@Test
	@Order(2)
	void resourceUpdateOnOneInstanceReachesTheSubscriberOfTheOther() throws Exception {
		McpTestClient onA = McpTestClient.forEndpoint(urlA);
		onA.connect();
		McpTestClient onB = McpTestClient.forEndpoint(urlB)
			.sessionId(onA.sessionId())
			.protocolVersion(onA.protocolVersion());
		McpEventStream streamOnA = onA.openStream();
		assertThat(streamOnA.next(WAIT).isPriming()).isTrue();
		// subscribed through A, updated on B: reaches the stream on A
		McpResourceRegistry resourcesOnB = b.getBean(McpResourceRegistry.class);
		onA.call("resources/subscribe", Map.of("uri", ScaleOutCatalog.STATUS));
		resourcesOnB.resourceUpdated(ScaleOutCatalog.STATUS);
		SseEvent updated = streamOnA.next(WAIT);
		assertThat(updated.json().path("method").asString()).isEqualTo(UPDATED);
		assertThat(updated.json().path("params").path("uri").asString()).isEqualTo(ScaleOutCatalog.STATUS);
		// unsubscribed through B, the update reaches nobody; subscribed again through B,
		// the next one comes right after the first (the sequences have no gap)
		onB.call("resources/unsubscribe", Map.of("uri", ScaleOutCatalog.STATUS));
		resourcesOnB.resourceUpdated(ScaleOutCatalog.STATUS);
		onB.call("resources/subscribe", Map.of("uri", ScaleOutCatalog.STATUS));
		resourcesOnB.resourceUpdated(ScaleOutCatalog.STATUS);
		SseEvent again = streamOnA.next(WAIT);
		assertThat(again.json().path("method").asString()).isEqualTo(UPDATED);
		assertThat(sequence(again)).isEqualTo(sequence(updated) + 1);
		streamOnA.close();
		// a hostile Last-Event-ID (garbage, another session's stream) opens the stream
		// where it is, replaying nothing
		McpTestClient other = McpTestClient.forEndpoint(urlB);
		other.connect();
		McpEventStream otherStream = other.openStream();
		String otherId = otherStream.next(WAIT).id();
		for (String hostile : List.of("garbage", "zz-1", otherId, otherId.replace("-", "--"), "-1",
				again.id().replace("-", "-9"))) {
			McpEventStream resumed = onB.raw()
				.method("GET")
				.withoutHeader("Content-Type")
				.header("Accept", "text/event-stream")
				.header("Last-Event-ID", hostile)
				.stream();
			assertThat(resumed.status()).isEqualTo(200);
			SseEvent priming = resumed.next(WAIT);
			assertThat(priming.isPriming()).isTrue();
			assertThat(priming.id()).isNotEqualTo(otherId);
			resourcesOnB.resourceUpdated(ScaleOutCatalog.STATUS);
			SseEvent next = resumed.next(WAIT);
			assertThat(next.json().path("method").asString()).isEqualTo(UPDATED);
			assertThat(sequence(next)).isEqualTo(sequence(priming) + 1);
			resumed.close();
		}
		otherStream.close();
	}

	private static long sequence(SseEvent event) {
		return Long.parseLong(event.id().substring(event.id().lastIndexOf('-') + 1));
	}

	private static boolean isCompleted(SseEvent event, String taskId) {
		if (!event.hasMessage()) {
			return false;
		}
		JsonNode message = event.json();
		return STATUS.equals(message.path("method").asString())
				&& taskId.equals(message.path("params").path("taskId").asString())
				&& "completed".equals(message.path("params").path("status").asString());
	}

	private static long progressCount(List<SseEvent> events) {
		return events.stream()
			.filter(SseEvent::hasMessage)
			.filter((event) -> PROGRESS.equals(event.json().path("method").asString()))
			.count();
	}

	private static List<Integer> range(int from, int to) {
		List<Integer> values = new ArrayList<>();
		for (int i = from; i <= to; i++) {
			values.add(i);
		}
		return values;
	}

	private static URI url(int port) {
		return URI.create("http://127.0.0.1:" + port + "/mcp");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
