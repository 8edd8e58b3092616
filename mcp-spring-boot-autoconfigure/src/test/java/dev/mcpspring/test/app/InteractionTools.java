package dev.mcpspring.test.app;

import java.time.Duration;

import org.springframework.stereotype.Component;

import dev.mcpspring.LoggingLevel;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpTool;

/**
 * Tools that talk to the client while they run (progress, log messages), fail, or
 * wait to be cancelled.
 */
@Component
public class InteractionTools {

	/** How long {@code block_until_cancelled} waits before giving up. */
	public static final Duration BLOCK_LIMIT = Duration.ofSeconds(20);

	@McpTool(name = "progress", description = "Reports progress for each step")
	public String progress(int steps, McpContext context) {
		for (int i = 1; i <= steps; i++) {
			context.progress(i, (double) steps, "step " + i);
		}
		return "done " + steps;
	}

	@McpTool(name = "log_levels", description = "Sends a log message at each of four levels")
	public String logLevels(McpContext context) {
		context.log(LoggingLevel.DEBUG, "debug message");
		context.log(LoggingLevel.INFO, "info message");
		context.log(LoggingLevel.WARNING, "warning message");
		context.log(LoggingLevel.ERROR, "tests", "error message");
		return "logged";
	}

	@McpTool(name = "fail", description = "Throws an exception with the given message")
	public String fail(String message) {
		throw new IllegalStateException(message);
	}

	/**
	 * Logs {@code started}, then sleeps until interrupted (or {@link #BLOCK_LIMIT}); when
	 * interrupted it logs {@code interrupted cancelled=<isCancelled>} before returning,
	 * so the client sees on the response stream that the flag was set and the thread
	 * interrupted.
	 * @param context the context
	 * @return what happened
	 */
	@McpTool(name = "block_until_cancelled", description = "Blocks until the call is cancelled")
	public String blockUntilCancelled(McpContext context) {
		context.log(LoggingLevel.INFO, "started");
		try {
			Thread.sleep(BLOCK_LIMIT.toMillis());
			return "not cancelled";
		}
		catch (InterruptedException ex) {
			context.log(LoggingLevel.INFO, "interrupted cancelled=" + context.isCancelled());
			return "interrupted";
		}
	}

}
