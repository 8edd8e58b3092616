package dev.mcpspring.test.app;

import org.springframework.stereotype.Component;

import dev.mcpspring.McpContext;
import dev.mcpspring.McpTool;

/**
 * Tools that exercise the transport's streams and requests to the client.
 */
@Component
public class StreamTools {

	@McpTool(name = "reconnect_midway",
			description = "Reports progress, closes its stream's connection, and goes on reporting")
	public String reconnectMidway(int steps, McpContext context) throws InterruptedException {
		context.progress(1, (double) steps, "step 1");
		context.closeStream();
		for (int i = 2; i <= steps; i++) {
			Thread.sleep(20);
			context.progress(i, (double) steps, "step " + i);
		}
		return "resumed after " + steps;
	}

	@McpTool(name = "summarize", description = "Asks the client's model to summarize a text")
	public String summarize(String text, McpContext context) {
		return "summary: " + context.sample("Summarize: " + text, 50).text();
	}

}
