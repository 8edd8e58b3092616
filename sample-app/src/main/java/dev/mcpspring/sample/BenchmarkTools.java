package dev.mcpspring.sample;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import dev.mcpspring.McpTool;

/**
 * Tools for the benchmarks (profile {@code benchmark} only).
 */
@Component
@Profile("benchmark")
public class BenchmarkTools {

	/**
	 * A task that does nothing, so that a task round trip measures only the task machinery.
	 * @return a constant
	 */
	@McpTool(description = "Does nothing, as a task", task = McpTool.Task.REQUIRED)
	public String noop() {
		return "done";
	}

}
