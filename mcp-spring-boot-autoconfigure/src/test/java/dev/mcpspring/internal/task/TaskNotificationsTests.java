package dev.mcpspring.internal.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.internal.web.ListenStreams;
import dev.mcpspring.tasks.Docket;
import dev.mcpspring.tasks.TaskSpec;
import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.SseEvent;
import dev.mcpspring.test.app.TaskTools;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code notifications/tasks} of the tasks extension on {@code subscriptions/listen}
 * streams, over real HTTP: the acknowledgement echoes the task ids the caller may see,
 * each status change of such a task follows as {@code tasks/get} describes it, and a
 * request that names task ids without declaring the extension, or too many, is refused.
 */
@McpServerTest
class TaskNotificationsTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final String ACKNOWLEDGED = "notifications/subscriptions/acknowledged";

	@LocalServerPort
	private int port;

	@Autowired
	private TaskTools tools;

	@Autowired
	private Docket docket;

	private final List<McpEventStream> streams = Collections.synchronizedList(new ArrayList<>());

	/**
	 * Closes the streams; the server notices at its next write (a keep-alive at the
	 * latest).
	 */
	@AfterEach
	void closeStreams() {
		this.streams.forEach(McpEventStream::close);
	}

	@Test
	void statusChangesOfAWatchedTaskFollowTheAcknowledgementAsTasksGetDescribesThem() {
		McpTestClient client = client();
		String gate = UUID.randomUUID().toString();
		String taskId = TasksExtensionTests.call(client, "gated_task", Map.of("gate", gate), true)
			.result()
			.path("taskId")
			.asString();
		McpEventStream stream = listen(client, "watch", List.of(taskId), true);
		JsonNode ack = stream.nextMessage((message) -> true, WAIT);
		assertThat(ack.path("method").asString()).isEqualTo(ACKNOWLEDGED);
		assertThat(ack.at("/params/notifications/taskIds").valueStream().map(JsonNode::asString))
			.containsExactly(taskId);

		this.tools.open(gate);
		JsonNode completed = stream.nextMessage((message) -> "notifications/tasks".equals(message.path("method")
			.asString()) && "completed".equals(message.path("params").path("status").asString()), WAIT);
		ObjectNode params = (ObjectNode) completed.path("params");
		assertThat(params.path("_meta").path(ListenStreams.META_SUBSCRIPTION_ID).asString()).isEqualTo("watch");
		assertThat(params.path("taskId").asString()).isEqualTo(taskId);
		assertThat(params.path("result").path("content").path(0).path("text").asString()).isEqualTo("passed " + gate);
		assertThat(params.has("resultType")).isFalse();
		ObjectNode got = (ObjectNode) TasksExtensionTests.get(client, taskId).deepCopy();
		got.remove(List.of("resultType", "_meta"));
		params.remove("_meta");
		assertThat(params).isEqualTo(got);

		List<JsonNode> received = stream.received()
			.stream()
			.filter(SseEvent::hasMessage)
			.map(SseEvent::json)
			.filter((message) -> !ACKNOWLEDGED.equals(message.path("method").asString()))
			.toList();
		assertThat(received).allSatisfy((message) -> {
			assertThat(message.path("method").asString()).isEqualTo("notifications/tasks");
			assertThat(message.path("params").path("taskId").asString()).isEqualTo(taskId);
			assertThat(message.path("params").path("status").asString()).isIn("working", "completed");
		});
		assertThat(received).last().satisfies((last) -> assertThat(last.path("params").path("status").asString())
			.isEqualTo("completed"));
	}

	@Test
	void cancellationOfAWatchedTaskIsNotified() {
		McpTestClient client = client();
		String key = UUID.randomUUID().toString();
		String taskId = TasksExtensionTests.call(client, "task_block", Map.of("key", key), true)
			.result()
			.path("taskId")
			.asString();
		McpEventStream stream = listen(client, 7, List.of(taskId), true);
		stream.nextNotification(ACKNOWLEDGED, WAIT);
		TasksExtensionTests.send(client, "tasks/cancel", Map.of("taskId", taskId), true);
		JsonNode cancelled = stream.nextMessage(
				(message) -> "cancelled".equals(message.path("params").path("status").asString()), WAIT);
		assertThat(cancelled.path("method").asString()).isEqualTo("notifications/tasks");
		assertThat(cancelled.path("params").path("_meta").path(ListenStreams.META_SUBSCRIPTION_ID).asInt())
			.isEqualTo(7);
		assertThat(cancelled.path("params").has("result")).isFalse();
	}

	@Test
	void acknowledgementLeavesOutTasksTheCallerMayNotSee() {
		McpTestClient alice = client().basicAuth("alice", "password");
		String ofAlice = TasksExtensionTests.call(alice, "task_record", Map.of("a", 1, "b", 2), true)
			.result()
			.path("taskId")
			.asString();
		McpTestClient anonymous = client();
		String anonymousTask = TasksExtensionTests.call(anonymous, "task_record", Map.of("a", 1, "b", 2), true)
			.result()
			.path("taskId")
			.asString();
		String notATool = this.docket.submit(TaskSpec.builder("report:render").arguments(Map.of()).build()).id();

		JsonNode ofAnonymous = listen(anonymous, "anonymous",
				List.of(ofAlice, "no-such-task", anonymousTask, notATool, anonymousTask), true)
			.nextNotification(ACKNOWLEDGED, WAIT);
		assertThat(ofAnonymous.at("/params/notifications/taskIds").valueStream().map(JsonNode::asString))
			.containsExactly(anonymousTask);

		JsonNode ofBob = listen(client().basicAuth("bob", "password"), "bob", List.of(ofAlice, anonymousTask), true)
			.nextNotification(ACKNOWLEDGED, WAIT);
		assertThat(ofBob.at("/params/notifications").has("taskIds")).isFalse();

		JsonNode ofAliceAgain = listen(alice, "alice", List.of(anonymousTask, ofAlice), true)
			.nextNotification(ACKNOWLEDGED, WAIT);
		assertThat(ofAliceAgain.at("/params/notifications/taskIds").valueStream().map(JsonNode::asString))
			.containsExactly(ofAlice);
	}

	@Test
	void taskIdsNeedTheExtension() {
		McpResponse response = request(client(), List.of("any-task"), false);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo(-32021);
		assertThat(response.error().at("/data/requiredCapabilities/extensions").has(TasksExtensionTests.EXTENSION))
			.isTrue();
	}

	@Test
	void taskIdsBeyondTheLimitOrOfTheWrongTypeAreRefused() {
		McpResponse tooMany = request(client(), IntStream.rangeClosed(0, 100).mapToObj((i) -> "task-" + i).toList(),
				true);
		assertThat(tooMany.errorCode()).isEqualTo(-32602);
		assertThat(tooMany.error().path("message").asString()).contains("at most 100");
		McpResponse notStrings = request(client(), List.of(1, 2), true);
		assertThat(notStrings.errorCode()).isEqualTo(-32602);
		McpResponse notAnArray = request(client(), "task-1", true);
		assertThat(notAnArray.errorCode()).isEqualTo(-32602);
	}

	private McpEventStream listen(McpTestClient client, Object id, List<String> taskIds, boolean declared) {
		McpEventStream stream = client.stateless(ListenStreams.METHOD, null).json(body(id, taskIds, declared)).stream();
		this.streams.add(stream);
		return stream;
	}

	private static McpResponse request(McpTestClient client, Object taskIds, boolean declared) {
		return client.stateless(ListenStreams.METHOD, null).json(body("refused", taskIds, declared)).send();
	}

	private static JsonNode body(Object id, Object taskIds, boolean declared) {
		return McpTestClient.statelessBody(id, ListenStreams.METHOD, Map.of("notifications", Map.of("taskIds", taskIds)),
				declared ? Map.of("io.modelcontextprotocol/clientCapabilities",
						Map.of("extensions", Map.of(TasksExtensionTests.EXTENSION, Map.of()))) : Map.of());
	}

	private McpTestClient client() {
		return McpTestClient.forLocalServer(this.port);
	}

}
