package dev.mcpspring.abuse.calls;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import dev.mcpspring.server.tool.McpTool;
import dev.mcpspring.server.tool.McpToolParam;

/**
 * Tools that take their time: sleeping, waiting at a gate the test opens, or answering
 * with a future the test completes.
 */
@Component
public class SlowTools {

	/** Futures returned by {@code later}, by key, for the test to complete. */
	public static final Map<String, CompletableFuture<String>> FUTURES = new ConcurrentHashMap<>();

	private static volatile CountDownLatch gate = new CountDownLatch(1);

	/**
	 * Closes the gate that {@code gated} waits at.
	 */
	public static void closeGate() {
		gate = new CountDownLatch(1);
	}

	/**
	 * Opens the gate: every {@code gated} call and task returns.
	 */
	public static void openGate() {
		gate.countDown();
	}

	@McpTool(name = "sleep", description = "Sleeps")
	public String sleep(@McpToolParam(description = "Milliseconds") long millis) throws InterruptedException {
		Thread.sleep(millis);
		return "slept " + millis;
	}

	@McpTool(name = "gated", description = "Waits at the gate", task = McpTool.Task.OPTIONAL)
	public String gated() throws InterruptedException {
		if (!gate.await(5, TimeUnit.MINUTES)) {
			return "gate stayed closed";
		}
		return "passed";
	}

	@McpTool(name = "later", description = "Answers when the test completes its future")
	public CompletableFuture<String> later(@McpToolParam(description = "Key") String key) {
		return FUTURES.computeIfAbsent(key, (k) -> new CompletableFuture<>());
	}

}
