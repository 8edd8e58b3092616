package dev.mcpspring.abuse.calls;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import dev.mcpspring.McpContext;
import dev.mcpspring.McpTool;
import dev.mcpspring.McpToolParam;

/**
 * Tools that take their time: sleeping, waiting at a gate the test opens, or answering
 * with a future the test completes.
 */
@Component
public class SlowTools {

	/** What {@code gated_header} read, by key, after passing the gate. */
	public static final Map<String, String> HEADERS_READ = new ConcurrentHashMap<>();

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

	@McpTool(name = "gated_header", description = "Waits at the gate, then reads the X-Probe header")
	public String gatedHeader(@McpToolParam(description = "Key") String key, McpContext context)
			throws InterruptedException {
		String result = gated();
		HEADERS_READ.put(key, result + " " + context.header("X-Probe"));
		return result;
	}

	@McpTool(name = "later", description = "Answers when the test completes its future")
	public CompletableFuture<String> later(@McpToolParam(description = "Key") String key) {
		return FUTURES.computeIfAbsent(key, (k) -> new CompletableFuture<>());
	}

}
