package dev.mcpspring.abuse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.mcpspring.CallToolResult;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpToolHandler;
import dev.mcpspring.McpToolRegistry;
import dev.mcpspring.Tool;
import dev.mcpspring.abuse.calls.AsyncCallsApplication;
import dev.mcpspring.abuse.calls.SlowTools;
import dev.mcpspring.internal.web.McpAsyncCalls;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code mcp.server.inline-calls=2}: a tool that has answered quickly 16 times in a
 * row runs on a container thread ({@code http-nio-*}) instead of the starter's executor
 * ({@code mcp-call-*}); a slow tool never does, and a quick one that turns slow goes back
 * to the executor at once; however many quick tools turn slow together, at most two
 * container threads are ever held by tool calls. An inline call whose future is pending
 * is answered when it completes; one still running on shutdown is answered with an error
 * and cancelled, like a call on the executor.
 */
@SpringBootTest(classes = AsyncCallsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mcp.server.inline-calls=2", "management.metrics.use-global-registry=false" })
class QuickToolCallsRunInlineWithinPermitsTests {

	private static final String CONTAINER_THREAD = "http-nio-";

	private static final String CALL_THREAD = "mcp-call-";

	@LocalServerPort
	private int port;

	@Autowired
	private McpToolRegistry tools;

	@Autowired
	private McpAsyncCalls calls;

	private final List<String> registered = new ArrayList<>();

	@AfterEach
	void removeTools() {
		this.registered.forEach(this.tools::remove);
	}

	@Test
	void quickToolEndsUpOnAContainerThread() {
		register("quick");
		McpTestClient client = client();
		List<String> threads = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			threads.add(call(client, "quick", 0));
		}
		// never seen: on the executor until it has been quick 16 times, then inline
		assertThat(threads).allMatch((thread) -> thread.startsWith(CALL_THREAD));
		trainQuick(client, "quick");
		// the slot is given back right after the answer
		await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.activeCount() == 0);
	}

	@Test
	void slowToolNeverRunsInline() {
		register("slow");
		McpTestClient client = client();
		for (int i = 0; i < 20; i++) {
			assertThat(call(client, "slow", 20)).startsWith(CALL_THREAD);
		}
	}

	@Test
	void quickToolThatTurnsSlowGoesBackToTheExecutorAfterItsFirstSlowCall() {
		register("turning");
		McpTestClient client = client();
		trainQuick(client, "turning");
		// the first slow call runs inline: its tool was quick until then
		call(client, "turning", 50);
		for (int i = 0; i < 16; i++) {
			assertThat(call(client, "turning", 0)).as("call %d after the slow one", i).startsWith(CALL_THREAD);
		}
		// quick again on the executor: inline again
		trainQuick(client, "turning");
	}

	@Test
	void quickToolsTurningSlowTogetherHoldAtMostThePermittedContainerThreads() {
		List<McpTestClient> clients = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			clients.add(client());
		}
		for (int t = 0; t < 12; t++) {
			register("many" + t);
			trainQuick(clients.get(t % clients.size()), "many" + t);
		}
		WhereTool.resetInlineCount();
		List<CompletableFuture<McpResponse>> slow = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			for (int t = 0; t < 12; t++) {
				McpTestClient client = clients.get(t % clients.size());
				slow.add(client.raw()
					.json(McpTestClient.request(client.nextId(), "tools/call",
							McpTestClient.toolCall("many" + t, Map.of("millis", 300), null)))
					.sendAsync());
			}
		}
		slow.forEach((call) -> assertThat(call.join().text()).isNotBlank());
		assertThat(WhereTool.maxInline.get()).isBetween(1, 2);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.activeCount() == 0);
	}

	@Test
	void inlineCallWhoseFutureIsPendingIsAnsweredWhenItCompletes() throws Exception {
		McpTestClient client = client();
		for (int i = 0; i < 200 && !SlowTools.FUTURES.containsKey("pending"); i++) {
			// quick: the future is complete when the tool returns it
			SlowTools.FUTURES.put("ready" + i, CompletableFuture.completedFuture("ready " + i));
			assertThat(client.callTool("later", Map.of("key", "ready" + i)).text()).isEqualTo("ready " + i);
			if (i >= 16) {
				CompletableFuture<McpResponse> call = client.raw()
					.json(McpTestClient.request(client.nextId(), "tools/call",
							McpTestClient.toolCall("later", Map.of("key", "pending"), null)))
					.sendAsync();
				await().until(() -> SlowTools.FUTURES.containsKey("pending") && this.calls.activeCount() == 1);
				assertThat(call).isNotDone();
				SlowTools.FUTURES.get("pending").complete("done later");
				assertThat(call.get(McpTestClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).text())
					.isEqualTo("done later");
			}
		}
		assertThat(SlowTools.FUTURES).containsKey("pending");
		await().until(() -> this.calls.activeCount() == 0);
	}

	@Test
	void inlineCallStillRunningOnShutdownIsAnsweredAndCancelled() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(AsyncCallsApplication.class).run(
				"--server.port=0", "--server.shutdown=graceful", "--spring.lifecycle.timeout-per-shutdown-phase=2m",
				"--mcp.server.shutdown-timeout=2s", "--mcp.worker.shutdown-timeout=2s",
				"--spring.jmx.enabled=false");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		McpTestClient client = McpTestClient.forLocalServer(port);
		client.connect();
		CompletableFuture<McpResponse> running = null;
		// on a loaded machine a trained tool's next call may still be judged slow and run
		// off the container thread (cancelled on shutdown too); then try with a fresh tool
		for (int attempt = 0; attempt < 3 && running == null; attempt++) {
			String name = "stuck" + attempt;
			context.getBean(McpToolRegistry.class).register(new WhereTool(name));
			trainQuick(client, name);
			WhereTool.resetInlineCount();
			CompletableFuture<McpResponse> call = client.raw()
				.json(McpTestClient.request(client.nextId(), "tools/call",
						McpTestClient.toolCall(name, Map.of("millis", 60000), null)))
				.sendAsync();
			try {
				await().atMost(Duration.ofSeconds(10)).until(() -> WhereTool.maxInline.get() == 1);
				running = call;
			}
			catch (ConditionTimeoutException ex) {
				// ran off the container thread: not the case under test
			}
		}
		assertThat(running).as("a long call running on a container thread").isNotNull();

		long start = System.nanoTime();
		CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close);
		McpResponse ran = running.get(20, TimeUnit.SECONDS);
		closed.get(60, TimeUnit.SECONDS);
		assertThat(ran.errorCode()).isEqualTo(McpAsyncCalls.SERVER_UNAVAILABLE);
		assertThat(ran.error().path("message").asString()).contains("shutting down")
			.contains("mcp.server.shutdown-timeout");
		// cancelled: the container thread was interrupted, not held for the minute
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
	}

	private static void trainQuick(McpTestClient client, String name) {
		// a quick call may take longer than 2 ms on a loaded machine, starting over
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (call(client, name, 0).startsWith(CONTAINER_THREAD)) {
				return;
			}
		}
		throw new AssertionError(name + " never ran inline");
	}

	private void register(String name) {
		this.tools.register(new WhereTool(name));
		this.registered.add(name);
	}

	private static String call(McpTestClient client, String name, int millis) {
		return client.callTool(name, Map.of("millis", millis)).text();
	}

	private McpTestClient client() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		return client;
	}

	/**
	 * Sleeps for {@code millis} and answers with the name of its thread; counts how many
	 * of its calls run on container threads at once.
	 */
	static final class WhereTool implements McpToolHandler {

		static final AtomicInteger maxInline = new AtomicInteger();

		private static final AtomicInteger inline = new AtomicInteger();

		private final String name;

		WhereTool(String name) {
			this.name = name;
		}

		static void resetInlineCount() {
			maxInline.set(0);
		}

		@Override
		public Tool tool() {
			ObjectNode schema = McpTestClient.JSON.createObjectNode();
			schema.put("type", "object");
			schema.putObject("properties").putObject("millis").put("type", "integer");
			return new Tool(this.name, null, "Sleeps, then names its thread", schema, null, null, null);
		}

		@Override
		public CallToolResult call(ObjectNode arguments, McpContext context) throws InterruptedException {
			String thread = Thread.currentThread().getName();
			boolean container = thread.startsWith(CONTAINER_THREAD);
			if (container) {
				maxInline.accumulateAndGet(inline.incrementAndGet(), Math::max);
			}
			try {
				Thread.sleep(arguments.path("millis").asLong());
			}
			finally {
				if (container) {
					inline.decrementAndGet();
				}
			}
			return CallToolResult.text(thread);
		}

	}

}
