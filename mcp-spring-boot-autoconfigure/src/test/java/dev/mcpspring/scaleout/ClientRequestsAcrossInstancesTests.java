package dev.mcpspring.scaleout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import dev.mcpspring.internal.docket.redis.RedisTestSupport;
import dev.mcpspring.internal.docket.redis.RequiresRedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests the server sends to the client (elicitation, sampling) with two web nodes, A
 * and B, behind a load balancer without sticky routing, and a worker process W that runs
 * the background tasks: the client's answer may reach either web node, and a task's
 * requests reach the client through {@code tasks/result} on either.
 */
@RequiresRedis
class ClientRequestsAcrossInstancesTests {

	private static final String NAME = RedisTestSupport.uniqueName("client-requests");

	private static final Map<String, Object> ELICITATION = Map.of("elicitation", Map.of());

	private static final ScaleOutNodes nodes = new ScaleOutNodes(NAME);

	private static NodeProcess worker;

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private static String urlA;

	private static String urlB;

	@BeforeAll
	static void startInstances() throws Exception {
		worker = NodeProcess.startWorker("answers-worker", NAME);
		a = nodes.start("mcp.worker.enabled=false");
		b = nodes.start("mcp.worker.enabled=false");
		urlA = ScaleOutNodes.url(a);
		urlB = ScaleOutNodes.url(b);
		worker.awaitStarted(Duration.ofSeconds(90));
	}

	@AfterAll
	static void stopInstances() throws Exception {
		if (worker != null) {
			worker.close();
		}
		nodes.close();
	}

	@Test
	void elicitationOfAToolCallOnOneInstanceIsAnsweredOnTheOther() throws Exception {
		ScaleOutClient client = ScaleOutClient.initialize(urlB, ELICITATION);
		try (ScaleOutClient.EventStream call = client.requestStream(urlA, "tools/call",
				Map.of("name", "ask_name", "arguments", Map.of()))) {
			JsonNode request = next(call.messages(), method("elicitation/create"));
			assertThat(client.respond(urlB, request.get("id"), accepted("Ada"))).isEqualTo(202);
			JsonNode response = next(call.messages(), ClientRequestsAcrossInstancesTests::isResponse);
			assertThat(text(response)).startsWith("Hello Ada from pid");
		}
	}

	@Test
	void samplingAnswerPostedToAnotherInstanceReachesTheCall() throws Exception {
		ScaleOutClient client = ScaleOutClient.initialize(urlA, Map.of("sampling", Map.of()));
		try (ScaleOutClient.EventStream call = client.requestStream(urlB, "tools/call",
				Map.of("name", "ask_model", "arguments", Map.of()))) {
			JsonNode request = next(call.messages(), method("sampling/createMessage"));
			assertThat(client.respond(urlA, request.get("id"), Map.of("role", "assistant", "model", "test-model",
					"content", Map.of("type", "text", "text", "hello")))).isEqualTo(202);
			JsonNode response = next(call.messages(), ClientRequestsAcrossInstancesTests::isResponse);
			assertThat(text(response)).startsWith("The model said hello to pid");
		}
	}

	@Test
	void elicitationOfABackgroundTaskOnTheWorkerGoesThroughTasksResultAndIsAnsweredOnTheOtherInstance()
			throws Exception {
		ScaleOutClient client = ScaleOutClient.initialize(urlB, ELICITATION);
		JsonNode created = client.request(urlA, "tools/call",
				Map.of("name", "ask_name_later", "arguments", Map.of(), "task", Map.of("ttl", 60000)));
		String taskId = created.path("result").path("task").path("taskId").asString();
		assertThat(taskId).isNotEmpty();
		try (ScaleOutClient.EventStream result = client.requestStream(urlA, "tasks/result",
				Map.of("taskId", taskId))) {
			JsonNode request = next(result.messages(), method("elicitation/create"));
			assertThat(request.path("params").path("_meta").path("io.modelcontextprotocol/related-task")
				.path("taskId").asString()).isEqualTo(taskId);
			assertThat(client.request(urlB, "tasks/get", Map.of("taskId", taskId)).path("result").path("status")
				.asString()).isEqualTo("input_required");
			assertThat(client.respond(urlB, request.get("id"), accepted("Grace"))).isEqualTo(202);
			JsonNode response = next(result.messages(), ClientRequestsAcrossInstancesTests::isResponse);
			assertThat(text(response)).isEqualTo("Hello Grace from pid " + worker.pid());
		}
		StringRedisTemplate redis = a.getBean(StringRedisTemplate.class);
		await().atMost(Duration.ofSeconds(5)).until(() -> !redis.hasKey(NAME + ":task-messages:" + taskId));
	}

	@Test
	void answerFromAnotherSessionIsIgnored() throws Exception {
		ScaleOutClient client = ScaleOutClient.initialize(urlA, ELICITATION);
		ScaleOutClient other = ScaleOutClient.initialize(urlB, ELICITATION);
		try (ScaleOutClient.EventStream call = client.requestStream(urlA, "tools/call",
				Map.of("name", "ask_name", "arguments", Map.of()))) {
			JsonNode request = next(call.messages(), method("elicitation/create"));
			assertThat(other.respond(urlB, request.get("id"), accepted("Mallory"))).isEqualTo(202);
			assertThat(other.respond(urlA, request.get("id"), accepted("Mallory"))).isEqualTo(202);
			assertThat(call.messages().poll(500, TimeUnit.MILLISECONDS)).isNull();
			assertThat(client.respond(urlB, request.get("id"), accepted("Ada"))).isEqualTo(202);
			JsonNode response = next(call.messages(), ClientRequestsAcrossInstancesTests::isResponse);
			assertThat(text(response)).startsWith("Hello Ada from pid");
		}
	}

	@Test
	void answersNobodyWaitsForAreAcceptedAndOnlyThoseWithOurIdFormAreRelayed() throws Exception {
		List<String> relayed = new CopyOnWriteArrayList<>();
		RedisMessageListenerContainer listener = new RedisMessageListenerContainer();
		listener.setConnectionFactory(a.getBean(StringRedisTemplate.class).getConnectionFactory());
		listener.addMessageListener((message, pattern) -> relayed.add(new String(message.getBody(), UTF_8)),
				new ChannelTopic(NAME + ":sessions"));
		listener.afterPropertiesSet();
		listener.start();
		try {
			ScaleOutClient client = ScaleOutClient.initialize(urlA);
			String ours = "mcp-" + "0123456789abcdef".repeat(2);
			for (JsonNode id : List.of(JsonNodeFactory.instance.numberNode(42),
					JsonNodeFactory.instance.stringNode("mcp-unknown"), JsonNodeFactory.instance.stringNode(ours))) {
				assertThat(client.respond(urlB, id, accepted("Nobody"))).isEqualTo(202);
			}
			await().atMost(Duration.ofSeconds(5)).until(() -> relayed.stream().anyMatch((m) -> m.contains(ours)));
			assertThat(relayed).noneMatch((message) -> message.contains("\"id\":42"))
				.noneMatch((message) -> message.contains("mcp-unknown"));
		}
		finally {
			listener.stop();
			listener.destroy();
		}
	}

	private static Map<String, Object> accepted(String name) {
		return Map.of("action", "accept", "content", Map.of("name", name));
	}

	private static Predicate<JsonNode> method(String method) {
		return (message) -> method.equals(message.path("method").asString());
	}

	private static boolean isResponse(JsonNode message) {
		return message.has("result") || message.has("error");
	}

	private static String text(JsonNode response) {
		return response.path("result").path("content").path(0).path("text").asString();
	}

	private static JsonNode next(BlockingQueue<JsonNode> messages, Predicate<JsonNode> wanted) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode message = messages.poll(100, TimeUnit.MILLISECONDS);
			if (message != null && wanted.test(message)) {
				return message;
			}
		}
		throw new AssertionError("No such message within 20 seconds");
	}

}
