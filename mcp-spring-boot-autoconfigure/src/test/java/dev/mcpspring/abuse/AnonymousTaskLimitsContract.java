package dev.mcpspring.abuse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Unauthenticated 2026-07-28 clients cannot fill a docket with tasks that belong to
 * nobody: their tasks count together against {@code mcp.tasks.max-active-anonymous} (3
 * here), beyond it a clear {@code -32602}, the server healthy and other owners unaffected;
 * of their finished tasks the oldest go beyond {@code mcp.tasks.max-retained-anonymous}
 * (2 here), nobody else's. Real HTTP, a web node that also runs the tasks.
 */
abstract class AnonymousTaskLimitsContract {

	private static final String EXTENSION = "io.modelcontextprotocol/tasks";

	private final List<String> gates = new ArrayList<>();

	private ConfigurableApplicationContext web;

	private AbuseApplication.AbuseTools tools;

	private int port;

	/**
	 * Returns the arguments that choose the docket.
	 * @return the arguments
	 */
	abstract List<String> store();

	/**
	 * Tidies the docket's store once the application has stopped.
	 */
	abstract void tidy();

	@BeforeEach
	void start() {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--mcp.tasks.max-active-anonymous=3",
				"--mcp.tasks.max-retained-anonymous=2", "--mcp.tasks.max-active-per-owner=3",
				"--mcp.tasks.max-retained-per-owner=2"));
		args.addAll(store());
		this.web = AbuseApplication.builder().run(args.toArray(String[]::new));
		this.tools = this.web.getBean(AbuseApplication.AbuseTools.class);
		this.port = this.web.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	@AfterEach
	void stop() {
		this.gates.forEach(this.tools::open);
		this.web.close();
		tidy();
	}

	@Test
	void anonymousTaskBeyondTheActiveLimitIsRefusedWhileOthersGoOn() {
		for (int i = 0; i < 3; i++) {
			assertThat(create(anonymous(), "wait_at", gate())).isNotEmpty();
		}
		McpResponse refused = call(anonymous(), "wait_at", gate());
		assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
		assertThat(refused.errorCode()).as(refused.toString()).isEqualTo(-32602);
		assertThat(refused.error().path("message").asString()).contains("mcp.tasks.max-active-anonymous");
		McpResponse inline = anonymous().statelessRequest("tools/call",
				Map.of("name", "big_result", "arguments", Map.of("length", 1)));
		assertThat(inline.result().path("resultType").asString()).as("inline calls go on")
			.isEqualTo("complete");
		assertThat(create(anonymous().basicAuth("alice", AbuseApplication.PASSWORD), "wait_at", gate()))
			.as("an authenticated client has its own limit")
			.isNotEmpty();
		McpTestClient session = anonymous();
		session.connect();
		assertThat(Tasks.create(session, "wait_at", gate())).as("a session has its own limit").isNotEmpty();
		this.gates.forEach(this.tools::open);
		await().atMost(Tasks.WAIT)
			.alias("accepted again once anonymous tasks have finished")
			.until(() -> !call(anonymous(), "big_result", Map.of("length", 1)).response().has("error"));
	}

	@Test
	void oldestFinishedAnonymousTasksGoBeyondTheRetainedLimitAndNobodyElses() {
		McpTestClient alice = anonymous().basicAuth("alice", AbuseApplication.PASSWORD);
		String alices = create(alice, "big_result", Map.of("length", 1));
		awaitCompleted(alice, alices);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String id = create(anonymous(), "big_result", Map.of("length", 1));
			awaitCompleted(anonymous(), id);
			ids.add(id);
		}
		assertThat(send(anonymous(), "tasks/get", Map.of("taskId", ids.get(0))).errorCode())
			.as("the oldest finished anonymous task was dropped")
			.isEqualTo(-32602);
		assertThat(get(anonymous(), ids.get(1)).path("status").asString()).isEqualTo("completed");
		assertThat(get(anonymous(), ids.get(2)).path("status").asString()).isEqualTo("completed");
		assertThat(get(alice, alices).path("status").asString()).isEqualTo("completed");
	}

	private McpTestClient anonymous() {
		return McpTestClient.forLocalServer(this.port);
	}

	private Map<String, String> gate() {
		String gate = UUID.randomUUID().toString();
		this.gates.add(gate);
		return Map.of("gate", gate);
	}

	private static String create(McpTestClient client, String tool, Map<String, ?> arguments) {
		McpResponse response = call(client, tool, arguments);
		assertThat(response.result().path("resultType").asString()).as(response.toString()).isEqualTo("task");
		return response.result().path("taskId").asString();
	}

	private static void awaitCompleted(McpTestClient client, String taskId) {
		await().atMost(Tasks.WAIT).until(() -> get(client, taskId).path("status").asString(), "completed"::equals);
	}

	private static JsonNode get(McpTestClient client, String taskId) {
		McpResponse response = send(client, "tasks/get", Map.of("taskId", taskId));
		assertThat(response.response().has("error")).as(response.toString()).isFalse();
		return response.result();
	}

	private static McpResponse call(McpTestClient client, String tool, Map<String, ?> arguments) {
		return send(client, "tools/call", Map.of("name", tool, "arguments", arguments));
	}

	/**
	 * Sends a stateless request that declares the tasks extension.
	 */
	private static McpResponse send(McpTestClient client, String method, Map<String, Object> params) {
		Object name = params.containsKey("taskId") ? params.get("taskId") : params.get("name");
		return client.stateless(method, name.toString())
			.json(McpTestClient.statelessBody(client.nextId(), method, params,
					Map.of("io.modelcontextprotocol/clientCapabilities",
							Map.of("extensions", Map.of(EXTENSION, Map.of())))))
			.send();
	}

}
