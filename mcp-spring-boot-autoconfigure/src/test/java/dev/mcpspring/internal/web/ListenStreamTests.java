package dev.mcpspring.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.GetPromptResult;
import dev.mcpspring.McpPromptHandler;
import dev.mcpspring.McpPromptRegistry;
import dev.mcpspring.McpResourceHandler;
import dev.mcpspring.McpResourceRegistry;
import dev.mcpspring.McpToolRegistry;
import dev.mcpspring.Prompt;
import dev.mcpspring.PromptMessage;
import dev.mcpspring.Resource;
import dev.mcpspring.ResourceContents;
import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.SseEvent;
import dev.mcpspring.test.TextTool;
import dev.mcpspring.test.app.McpTestApplication;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code subscriptions/listen} of protocol 2026-07-28 over real HTTP: the
 * acknowledgement first with the request's id (of its JSON type) as subscription id, only
 * the requested notifications, resource updates only for the subscribed URIs, keep-alive
 * comments, the limits on streams and on the filter, a client that closes its stream
 * freeing its subscription, and one that stops reading losing it.
 */
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mcp.server.listen.max-streams=3", "mcp.server.listen.max-resource-subscriptions=2",
				"mcp.server.listen.max-uri-length=64", "mcp.server.listen.keep-alive=200ms" })
class ListenStreamTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Duration QUIET = Duration.ofMillis(500);

	private static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

	@LocalServerPort
	private int port;

	@Autowired
	private ListenStreams listenStreams;

	@Autowired
	private McpToolRegistry tools;

	@Autowired
	private McpPromptRegistry prompts;

	@Autowired
	private McpResourceRegistry resources;

	private final List<McpEventStream> streams = Collections.synchronizedList(new ArrayList<>());

	@AfterEach
	void closeStreams() {
		this.streams.forEach(McpEventStream::close);
		await().atMost(WAIT).until(() -> this.listenStreams.openStreams() == 0);
	}

	@Test
	void acknowledgementComesFirstWithTheRequestIdOfItsType() {
		McpEventStream byString = listen("sub-1", Map.of("toolsListChanged", true));
		assertThat(byString.status()).isEqualTo(200);
		assertThat(byString.contentType()).startsWith("text/event-stream");
		JsonNode ack = byString.nextMessage((message) -> true, WAIT);
		assertThat(ack.path("method").asString()).isEqualTo("notifications/subscriptions/acknowledged");
		assertThat(ack.path("params").path("_meta").path(SUBSCRIPTION_ID).isString()).isTrue();
		assertThat(ack.path("params").path("_meta").path(SUBSCRIPTION_ID).asString()).isEqualTo("sub-1");
		McpEventStream byNumber = listen(42, Map.of("toolsListChanged", true));
		JsonNode numbered = byNumber.nextMessage((message) -> true, WAIT);
		assertThat(numbered.path("method").asString()).isEqualTo("notifications/subscriptions/acknowledged");
		assertThat(numbered.path("params").path("_meta").path(SUBSCRIPTION_ID).isIntegralNumber()).isTrue();
		assertThat(numbered.path("params").path("_meta").path(SUBSCRIPTION_ID).asInt()).isEqualTo(42);
	}

	@Test
	void acknowledgementNamesTheHonouredSubset() {
		McpEventStream stream = listen("ack", Map.of("toolsListChanged", true, "promptsListChanged", false,
				"resourceSubscriptions", List.of("notes://today")));
		JsonNode honoured = stream.nextNotification("notifications/subscriptions/acknowledged", WAIT)
			.path("params")
			.path("notifications");
		assertThat(honoured.propertyNames()).containsExactlyInAnyOrder("toolsListChanged", "resourceSubscriptions");
		assertThat(honoured.path("toolsListChanged").asBoolean()).isTrue();
		assertThat(honoured.path("resourceSubscriptions").get(0).asString()).isEqualTo("notes://today");
	}

	@Test
	void eachStreamGetsOnlyTheChangesItAskedFor() {
		McpEventStream toolsAndResources = listen("tr", Map.of("toolsListChanged", true, "resourcesListChanged", true,
				"resourceSubscriptions", List.of("notes://today")));
		McpEventStream promptsOnly = listen("p", Map.of("promptsListChanged", true));
		acknowledged(toolsAndResources);
		acknowledged(promptsOnly);

		this.tools.register(new TextTool("listen_probe", "Exists for a moment", "probe"));
		this.tools.remove("listen_probe");
		assertTagged(toolsAndResources.nextNotification("notifications/tools/list_changed", WAIT), "tr");

		this.prompts.register(McpPromptHandler.of(new Prompt("listen_probe", null, "Exists for a moment", null),
				(arguments) -> GetPromptResult.of(PromptMessage.user("probe"))));
		this.prompts.remove("listen_probe");
		assertTagged(promptsOnly.nextNotification("notifications/prompts/list_changed", WAIT), "p");
		assertTagged(promptsOnly.nextNotification("notifications/prompts/list_changed", WAIT), "p");

		this.resources.register(McpResourceHandler.of(Resource.of("notes://listen-probe", "probe"),
				() -> List.of(ResourceContents.text("notes://listen-probe", "text/plain", "probe"))));
		this.resources.remove("notes://listen-probe");
		assertTagged(toolsAndResources.nextNotification("notifications/resources/list_changed", WAIT), "tr");

		this.resources.resourceUpdated("notes://elsewhere");
		this.resources.resourceUpdated("notes://today");
		JsonNode updated = toolsAndResources.nextNotification("notifications/resources/updated", WAIT);
		assertTagged(updated, "tr");
		assertThat(updated.path("params").path("uri").asString()).isEqualTo("notes://today");

		toolsAndResources.assertNoMessageWithin(QUIET);
		promptsOnly.assertNoMessageWithin(QUIET);
		assertThat(messages(promptsOnly)).map((message) -> message.path("method").asString())
			.containsOnly("notifications/subscriptions/acknowledged", "notifications/prompts/list_changed");
		List<JsonNode> received = messages(toolsAndResources);
		assertThat(received).map((message) -> message.path("method").asString())
			.doesNotContain("notifications/prompts/list_changed");
		assertThat(received).filteredOn((message) -> message.path("method").asString().endsWith("/updated"))
			.map((message) -> message.path("params").path("uri").asString())
			.containsExactly("notes://today");
		assertThat(received).allSatisfy((message) -> assertTagged(message, "tr"));
	}

	@Test
	void idleStreamsGetKeepAliveComments() {
		McpEventStream stream = listen("idle", Map.of("toolsListChanged", true));
		acknowledged(stream);
		await().atMost(WAIT).until(() -> stream.body().contains(": keep-alive"));
	}

	@Test
	void filterBeyondTheLimitsIsRefused() {
		McpResponse tooMany = client().stateless(ListenStreams.METHOD, null)
			.json(body("many", Map.of("resourceSubscriptions", List.of("a://1", "a://2", "a://3"))))
			.send();
		assertThat(tooMany.errorCode()).isEqualTo(-32602);
		assertThat(tooMany.error().path("message").asString()).contains("at most 2");
		McpResponse tooLong = client().stateless(ListenStreams.METHOD, null)
			.json(body("long", Map.of("resourceSubscriptions", List.of("a://" + "x".repeat(64)))))
			.send();
		assertThat(tooLong.errorCode()).isEqualTo(-32602);
		assertThat(tooLong.error().path("message").asString()).contains("exceeds 64 characters");
		McpResponse noFilter = client().stateless(ListenStreams.METHOD, null)
			.json(McpTestClient.statelessBody("none", ListenStreams.METHOD, Map.of(), Map.of()))
			.send();
		assertThat(noFilter.errorCode()).isEqualTo(-32602);
		assertThat(this.listenStreams.openStreams()).isZero();
	}

	@Test
	void streamsBeyondTheLimitAreRefusedUntilAClientLeaves() {
		List<McpEventStream> open = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			McpEventStream stream = listen("s" + i, Map.of("toolsListChanged", true));
			acknowledged(stream);
			open.add(stream);
		}
		McpResponse refused = client().stateless(ListenStreams.METHOD, null)
			.json(body("s3", Map.of("toolsListChanged", true)))
			.send();
		assertThat(refused.errorCode()).isEqualTo(McpAsyncCalls.SERVER_UNAVAILABLE);
		assertThat(refused.error().path("message").asString()).contains("mcp.server.listen.max-streams");

		open.get(0).close();
		await().atMost(WAIT).until(() -> this.listenStreams.openStreams() == 2);
		acknowledged(listen("s4", Map.of("toolsListChanged", true)));
	}

	@Test
	void clientClosingItsStreamEndsTheSubscription() {
		McpEventStream stream = listen("leaving", Map.of("toolsListChanged", true));
		acknowledged(stream);
		assertThat(this.listenStreams.openStreams()).isOne();
		stream.close();
		await().atMost(WAIT).until(() -> this.listenStreams.openStreams() == 0);
		this.tools.register(new TextTool("listen_after_close", "Exists for a moment", "probe"));
		this.tools.remove("listen_after_close");
		assertThat(this.listenStreams.openStreams()).isZero();
	}

	@Test
	void clientThatStopsReadingLosesItsStreamInsteadOfMakingItsQueueGrow() throws IOException {
		try (Socket laggard = listenWithoutReading("laggard", "notes://today")) {
			await().atMost(WAIT).until(() -> this.listenStreams.openStreams() == 1);
			for (int i = 0; i < 1_000_000 && this.listenStreams.openStreams() > 0; i++) {
				this.resources.resourceUpdated("notes://today");
			}
			assertThat(this.listenStreams.openStreams()).isZero();
			McpEventStream next = listen("after-laggard", Map.of("toolsListChanged", true));
			acknowledged(next);
			readToTheEndOfTheResponse(laggard);
		}
	}

	/**
	 * POSTs a listen request on a socket with a tiny receive buffer, and never reads.
	 */
	private Socket listenWithoutReading(Object id, String uri) throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(1024);
		socket.connect(new InetSocketAddress("localhost", this.port), 5000);
		byte[] body = McpTestClient.JSON.writeValueAsBytes(body(id, Map.of("resourceSubscriptions", List.of(uri))));
		OutputStream out = socket.getOutputStream();
		out.write(("POST /mcp HTTP/1.1\r\nHost: localhost:" + this.port
				+ "\r\nAccept: application/json, text/event-stream\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + body.length + "\r\nMCP-Protocol-Version: " + McpTestClient.STATELESS_VERSION
				+ "\r\nMcp-Method: " + ListenStreams.METHOD + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.write(body);
		out.flush();
		return socket;
	}

	/**
	 * Reads what the server had queued for a laggard until the end of the response it
	 * ended: closing the socket with the server's writes still pending would leave Tomcat
	 * counting the request as in progress, holding the context's graceful shutdown.
	 */
	private static void readToTheEndOfTheResponse(Socket socket) throws IOException {
		socket.setSoTimeout((int) WAIT.toMillis());
		InputStream in = socket.getInputStream();
		byte[] end = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
		byte[] last = new byte[end.length];
		int read;
		while (!Arrays.equals(last, end) && (read = in.read()) != -1) {
			System.arraycopy(last, 1, last, 0, last.length - 1);
			last[last.length - 1] = (byte) read;
		}
	}

	private McpEventStream listen(Object id, Map<String, Object> notifications) {
		McpEventStream stream = client().stateless(ListenStreams.METHOD, null).json(body(id, notifications)).stream();
		this.streams.add(stream);
		return stream;
	}

	private static JsonNode body(Object id, Map<String, Object> notifications) {
		return McpTestClient.statelessBody(id, ListenStreams.METHOD, Map.of("notifications", notifications), Map.of());
	}

	private static List<JsonNode> messages(McpEventStream stream) {
		return stream.received().stream().filter(SseEvent::hasMessage).map(SseEvent::json).toList();
	}

	private static void acknowledged(McpEventStream stream) {
		stream.nextNotification("notifications/subscriptions/acknowledged", WAIT);
	}

	private static void assertTagged(JsonNode notification, String subscriptionId) {
		assertThat(notification.path("params").path("_meta").path(SUBSCRIPTION_ID).asString())
			.isEqualTo(subscriptionId);
	}

	private McpTestClient client() {
		return McpTestClient.forLocalServer(this.port);
	}

}
