package dev.mcpspring.sample;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.mcpspring.McpContext;
import dev.mcpspring.McpTool;
import dev.mcpspring.McpToolParam;

/**
 * Demo tools that outside checks call (names and behaviour fixed).
 */
@Component
public class DemoTools {

	private static final int MAX_FLAKY_KEYS = 10_000;

	private final Set<String> failedKeys = ConcurrentHashMap.newKeySet();

	@McpTool(description = "Echoes the text back", readOnlyHint = true)
	public String echo(@McpToolParam(description = "The text to echo") String text) {
		return text;
	}

	@McpTool(name = "slow_count", description = "Counts to count, reporting progress every delay_ms milliseconds",
			task = McpTool.Task.OPTIONAL)
	public String slowCount(@McpToolParam(description = "How far to count") int count,
			@McpToolParam(name = "delay_ms", description = "Milliseconds between steps") int delayMs,
			McpContext context) throws InterruptedException {
		for (int i = 1; i <= count; i++) {
			Thread.sleep(delayMs);
			context.throwIfCancelled();
			context.progress(i, (double) count, i + "/" + count);
		}
		return "counted " + count;
	}

	@McpTool(name = "long_job", description = "Works for the given number of seconds; cancellable",
			task = McpTool.Task.REQUIRED)
	public JobDone longJob(@McpToolParam(description = "How long to work, in seconds") double seconds,
			McpContext context) throws InterruptedException {
		long steps = Math.max(1, Math.round(seconds * 10));
		for (long step = 1; step <= steps; step++) {
			Thread.sleep(100);
			context.throwIfCancelled();
			context.progress(step, (double) steps, "Working");
		}
		return new JobDone(true);
	}

	@McpTool(name = "fail_job", description = "Always fails", task = McpTool.Task.OPTIONAL)
	public String failJob() {
		throw new IllegalStateException("fail_job failed on purpose");
	}

	@McpTool(name = "flaky_job", description = "Fails its first run for a key and succeeds when run again",
			task = McpTool.Task.OPTIONAL)
	public String flakyJob(@McpToolParam(description = "What to run; the first run for a key fails") String key) {
		if (this.failedKeys.size() >= MAX_FLAKY_KEYS) {
			this.failedKeys.clear();
		}
		if (this.failedKeys.add(key)) {
			throw new IllegalStateException("flaky_job failed its first run for " + key);
		}
		return "done " + key;
	}

	/**
	 * The result of {@code long_job}.
	 *
	 * @param done always true
	 */
	public record JobDone(boolean done) {
	}

}
