package dev.mcpspring.internal.observability;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.internal.docket.WorkerObserver;
import dev.mcpspring.internal.session.McpSessionStore;
import dev.mcpspring.internal.tool.ToolCallObserver;
import dev.mcpspring.tasks.Docket;
import dev.mcpspring.tasks.DocketListener;
import dev.mcpspring.tasks.TaskInfo;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer metrics of the MCP server: sessions and open streams, tool calls, and tasks
 * submitted, completed, retried, redelivered, queued and running. Tags are bounded: the tool or task function
 * name and the outcome.
 */
public class McpMetrics implements MeterBinder, DocketListener, WorkerObserver, ToolCallObserver {

	private final @Nullable Docket docket;

	private volatile @Nullable MeterRegistry registry;

	private @Nullable McpSessionStore sessions;

	private @Nullable IntSupplier openStreams;

	/**
	 * Creates the metrics.
	 * @param docket the docket whose queue to measure, or {@code null} when tasks are off
	 */
	public McpMetrics(@Nullable Docket docket) {
		this.docket = docket;
	}

	/**
	 * Measures the sessions and the SSE connections open to this process; call before
	 * the metrics are bound.
	 * @param sessions the session store, or {@code null}
	 * @param openStreams counts the open SSE connections, or {@code null} without a web
	 * endpoint
	 * @return these metrics
	 */
	public McpMetrics sessions(@Nullable McpSessionStore sessions, @Nullable IntSupplier openStreams) {
		this.sessions = sessions;
		this.openStreams = openStreams;
		return this;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		if (this.sessions != null) {
			Gauge.builder("mcp.server.sessions", this.sessions, McpSessionStore::count)
				.description("Live MCP sessions (with Redis, of all instances)")
				.register(registry);
		}
		if (this.openStreams != null) {
			IntSupplier openStreams = this.openStreams;
			Gauge.builder("mcp.server.streams.open", openStreams, IntSupplier::getAsInt)
				.description("SSE connections open to this process")
				.strongReference(true)
				.register(registry);
		}
		if (this.docket != null) {
			Gauge.builder("mcp.tasks.queued", this.docket, Docket::queuedCount)
				.description("Tasks waiting to run")
				.register(registry);
			Gauge.builder("mcp.tasks.running", this.docket, Docket::runningCount)
				.description("Tasks claimed by workers")
				.register(registry);
		}
		this.registry = registry;
	}

	@Override
	public void called(String tool, String outcome, long nanos) {
		MeterRegistry registry = this.registry;
		if (registry != null) {
			Timer.builder("mcp.tools.calls")
				.description("Direct tool calls")
				.tag("tool", tool)
				.tag("outcome", outcome)
				.register(registry)
				.record(nanos, TimeUnit.NANOSECONDS);
		}
	}

	@Override
	public void onSubmitted(TaskInfo task) {
		count("mcp.tasks.submitted", "Tasks submitted", task, null);
	}

	@Override
	public void onStatusChanged(TaskInfo task, boolean local) {
		if (local && task.status().isTerminal()) {
			count("mcp.tasks.completed", "Tasks that reached a terminal status", task, task.status().wireName());
		}
	}

	@Override
	public void onRetry(TaskInfo task) {
		count("mcp.tasks.retried", "Failed task runs scheduled for another try", task, null);
	}

	@Override
	public void onRedelivered(TaskInfo task) {
		count("mcp.tasks.redelivered", "Tasks given to another worker after theirs stopped responding", task, null);
	}

	@Override
	public void finished(TaskInfo task, String outcome, long nanos) {
		MeterRegistry registry = this.registry;
		if (registry != null) {
			Timer.builder("mcp.tasks.duration")
				.description("Task runs on this process's worker")
				.tag("function", task.function())
				.tag("outcome", outcome)
				.register(registry)
				.record(nanos, TimeUnit.NANOSECONDS);
		}
	}

	private void count(String name, String description, TaskInfo task, @Nullable String outcome) {
		MeterRegistry registry = this.registry;
		if (registry != null) {
			Counter.Builder counter = Counter.builder(name).description(description).tag("function", task.function());
			if (outcome != null) {
				counter.tag("outcome", outcome);
			}
			counter.register(registry).increment();
		}
	}

}
