package dev.mcpspring.sample;

import org.springframework.stereotype.Component;

import dev.mcpspring.context.McpContext;
import dev.mcpspring.server.tool.McpTool;
import dev.mcpspring.server.tool.McpToolParam;

/**
 * Demo tools that outside checks call (names and behaviour fixed).
 */
@Component
public class DemoTools {

	@McpTool(description = "Echoes the text back", readOnlyHint = true)
	public String echo(@McpToolParam(description = "The text to echo") String text) {
		return text;
	}

	@McpTool(name = "slow_count", description = "Counts to count, reporting progress every delay_ms milliseconds")
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

}
