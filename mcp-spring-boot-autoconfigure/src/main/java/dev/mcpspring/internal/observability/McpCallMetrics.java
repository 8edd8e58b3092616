package dev.mcpspring.internal.observability;

import dev.mcpspring.internal.web.McpAsyncCalls;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer metrics of the MCP calls in flight: {@code mcp.server.calls.active}, and
 * {@code mcp.server.calls.refused} with the tag {@code limit} ({@code total} or
 * {@code session}).
 */
public class McpCallMetrics implements MeterBinder {

	private final McpAsyncCalls calls;

	/**
	 * Creates the metrics.
	 * @param calls the calls to measure
	 */
	public McpCallMetrics(McpAsyncCalls calls) {
		this.calls = calls;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("mcp.server.calls.active", this.calls, McpAsyncCalls::activeCount)
			.description("MCP calls in flight, waiting tasks/result requests included")
			.register(registry);
		for (String limit : new String[] { "total", "session" }) {
			FunctionCounter.builder("mcp.server.calls.refused", this.calls, (calls) -> calls.refusedCount(limit))
				.description("MCP calls refused by a limit of calls in flight")
				.tag("limit", limit)
				.register(registry);
		}
	}

}
