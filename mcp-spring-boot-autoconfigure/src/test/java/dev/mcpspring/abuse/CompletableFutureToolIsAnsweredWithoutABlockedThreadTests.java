package dev.mcpspring.abuse;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.abuse.calls.AsyncCallsApplication;
import dev.mcpspring.abuse.calls.SlowTools;
import dev.mcpspring.internal.web.McpAsyncCalls;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tool returning a {@link CompletableFuture}: the call holds its slot but no thread
 * (nothing waits in {@code CompletableFuture.get}/{@code join} or in the tool method) and
 * is answered when the future completes.
 */
@SpringBootTest(classes = AsyncCallsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class CompletableFutureToolIsAnsweredWithoutABlockedThreadTests {

	@LocalServerPort
	private int port;

	@Autowired
	private McpAsyncCalls calls;

	@Test
	void completableFutureToolIsAnsweredWhenItsFutureCompletes() throws Exception {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		CompletableFuture<McpResponse> call = client.raw()
			.json(McpTestClient.request(client.nextId(), "tools/call",
					McpTestClient.toolCall("later", Map.of("key", "k1"), null)))
			.sendAsync();
		await().until(() -> SlowTools.FUTURES.containsKey("k1") && this.calls.activeCount() == 1);
		Thread.sleep(500);
		assertThat(call).isNotDone();
		assertThat(blockedThreads()).as("threads blocked on the tool's future").isZero();
		SlowTools.FUTURES.get("k1").complete("done later");
		assertThat(call.get(McpTestClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).text()).isEqualTo("done later");
		await().until(() -> this.calls.activeCount() == 0);
	}

	@Test
	void failedFutureIsAToolError() throws Exception {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		CompletableFuture<McpResponse> call = client.raw()
			.json(McpTestClient.request(client.nextId(), "tools/call",
					McpTestClient.toolCall("later", Map.of("key", "k2"), null)))
			.sendAsync();
		await().until(() -> SlowTools.FUTURES.containsKey("k2"));
		SlowTools.FUTURES.get("k2").completeExceptionally(new IllegalStateException("no luck"));
		McpResponse response = call.get(McpTestClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(response.isToolError()).isTrue();
		assertThat(response.text()).isEqualTo("no luck");
	}

	private static long blockedThreads() {
		return Thread.getAllStackTraces()
			.values()
			.stream()
			.filter((stack) -> Arrays.stream(stack)
				.anyMatch((frame) -> frame.getClassName().startsWith("dev.mcpspring.internal.tool.")
						|| frame.getClassName().equals(SlowTools.class.getName())))
			.count();
	}

}
