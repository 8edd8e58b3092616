package dev.mcpspring.sample;

import org.springframework.stereotype.Component;

import dev.mcpspring.McpContext;
import dev.mcpspring.McpTool;
import dev.mcpspring.McpToolParam;

/**
 * Demo tools that outside checks call (names and behaviour fixed).
 */
@Component
public class DemoTools {

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

	/**
	 * The result of {@code long_job}.
	 *
	 * @param done always true
	 */
	public record JobDone(boolean done) {
	}

}
