package dev.mcpspring.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * Configuration of the worker that runs tasks in this process ({@code mcp.worker}).
 */
@ConfigurationProperties("mcp.worker")
public class McpWorkerProperties {

	/**
	 * Whether this process runs tasks. Set it explicitly to true, with
	 * mcp.server.enabled=false, for a worker-only process.
	 */
	private boolean enabled = true;

	/**
	 * Id of this worker among the docket's workers. Defaults to the host name, the
	 * process id and a random suffix.
	 */
	private @Nullable String id;

	/**
	 * Most tasks run at once.
	 */
	private int concurrency = 10;

	/**
	 * How long running tasks may finish on shutdown before they are released back to
	 * the docket.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(30);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getId() {
		return this.id;
	}

	public void setId(@Nullable String id) {
		this.id = id;
	}

	public int getConcurrency() {
		return this.concurrency;
	}

	public void setConcurrency(int concurrency) {
		Assert.isTrue(concurrency > 0, "mcp.worker.concurrency must be positive");
		this.concurrency = concurrency;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

}
