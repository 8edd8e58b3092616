package dev.mcpspring.internal.observability;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.mcpspring.internal.docket.Worker;
import dev.mcpspring.tasks.Docket;

/**
 * Health of the docket (its store reachable; queued and running tasks) and of this
 * process's worker.
 */
public class McpHealthIndicator extends AbstractHealthIndicator {

	private final Docket docket;

	private final @Nullable Worker worker;

	/**
	 * Creates the indicator.
	 * @param docket the docket
	 * @param worker the worker, or {@code null} when this process runs no tasks
	 */
	public McpHealthIndicator(Docket docket, @Nullable Worker worker) {
		super("MCP docket health check failed");
		this.docket = docket;
		this.worker = worker;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		this.docket.checkAvailable();
		builder.withDetail("docket", this.docket.getClass().getSimpleName())
			.withDetail("queued", this.docket.queuedCount())
			.withDetail("running", this.docket.runningCount());
		if (this.worker != null) {
			builder.withDetail("worker", this.worker.id())
				.withDetail("workerRunning", this.worker.runningCount())
				.withDetail("workerConcurrency", this.worker.concurrency());
			if (!this.worker.isRunning()) {
				builder.down().withDetail("reason", "The worker is stopped");
				return;
			}
		}
		builder.up();
	}

}
