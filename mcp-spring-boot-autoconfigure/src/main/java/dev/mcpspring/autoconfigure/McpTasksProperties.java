package dev.mcpspring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

import dev.mcpspring.TaskSupport;

/**
 * Configuration of MCP tasks, tools run in the background ({@code mcp.tasks}).
 */
@ConfigurationProperties("mcp.tasks")
public class McpTasksProperties {

	/**
	 * Whether tools may run as tasks and background functions may be submitted.
	 */
	private boolean enabled = true;

	/**
	 * Task support of tools that do not state their own.
	 */
	private TaskSupport defaultSupport = TaskSupport.FORBIDDEN;

	/**
	 * Longest ttl granted; longer requests are capped.
	 */
	private Duration maxTtl = Duration.ofHours(24);

	/**
	 * Polling interval suggested to clients.
	 */
	private Duration pollInterval = Duration.ofSeconds(1);

	/**
	 * Whether a protocol 2026-07-28 call of a tool with optional task support runs as a
	 * task (when the client declared the extension io.modelcontextprotocol/tasks) or
	 * inline. Tools with required task support always run as tasks there.
	 */
	private ExtensionOptionalPolicy extensionOptionalPolicy = ExtensionOptionalPolicy.TASK;

	/**
	 * Names of request headers carried to background work, readable there with
	 * McpContext.header(name).
	 */
	private List<String> propagatedHeaders = new ArrayList<>();

	/**
	 * Secret key (base64 of 16, 24 or 32 random bytes; generate one with "openssl rand
	 * -base64 32") that encrypts propagated headers and the submitter's authentication
	 * in task metadata (AES-GCM) and authenticates Redis pub/sub messages
	 * (HMAC-SHA256). Required with mcp.docket.store=redis; the same on every instance.
	 */
	private @Nullable String encryptionKey;

	/**
	 * Most unfinished (queued, running or input-required) tasks one owner may have;
	 * beyond it a submission is refused.
	 */
	private int maxActivePerOwner = 100;

	/**
	 * Most finished tasks kept per owner; beyond it that owner's own oldest finished
	 * tasks are purged before their ttl.
	 */
	private int maxRetainedPerOwner = 1000;

	/**
	 * Most unfinished tasks of unauthenticated 2026-07-28 clients, which have no owner,
	 * all together; beyond it such a submission is refused.
	 */
	private int maxActiveAnonymous = 1000;

	/**
	 * Most finished tasks of unauthenticated 2026-07-28 clients kept, all together; beyond
	 * it the oldest of them are purged before their ttl.
	 */
	private int maxRetainedAnonymous = 10000;

	/**
	 * Largest task arguments (as JSON) stored; a larger submission is refused.
	 */
	private DataSize maxArgumentsSize = DataSize.ofMegabytes(1);

	/**
	 * Largest task result (as JSON) stored; a larger result fails the task instead.
	 */
	private DataSize maxResultSize = DataSize.ofMegabytes(4);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public TaskSupport getDefaultSupport() {
		return this.defaultSupport;
	}

	public void setDefaultSupport(TaskSupport defaultSupport) {
		this.defaultSupport = defaultSupport;
	}

	public ExtensionOptionalPolicy getExtensionOptionalPolicy() {
		return this.extensionOptionalPolicy;
	}

	public void setExtensionOptionalPolicy(ExtensionOptionalPolicy extensionOptionalPolicy) {
		this.extensionOptionalPolicy = extensionOptionalPolicy;
	}

	public Duration getMaxTtl() {
		return this.maxTtl;
	}

	public void setMaxTtl(Duration maxTtl) {
		Assert.isTrue(!maxTtl.isNegative(), "mcp.tasks.max-ttl must not be negative");
		this.maxTtl = maxTtl;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public List<String> getPropagatedHeaders() {
		return this.propagatedHeaders;
	}

	public void setPropagatedHeaders(List<String> propagatedHeaders) {
		this.propagatedHeaders = propagatedHeaders;
	}

	public @Nullable String getEncryptionKey() {
		return this.encryptionKey;
	}

	public void setEncryptionKey(@Nullable String encryptionKey) {
		this.encryptionKey = encryptionKey;
	}

	public int getMaxActivePerOwner() {
		return this.maxActivePerOwner;
	}

	public void setMaxActivePerOwner(int maxActivePerOwner) {
		Assert.isTrue(maxActivePerOwner > 0, "mcp.tasks.max-active-per-owner must be positive");
		this.maxActivePerOwner = maxActivePerOwner;
	}

	public int getMaxRetainedPerOwner() {
		return this.maxRetainedPerOwner;
	}

	public void setMaxRetainedPerOwner(int maxRetainedPerOwner) {
		Assert.isTrue(maxRetainedPerOwner > 0, "mcp.tasks.max-retained-per-owner must be positive");
		this.maxRetainedPerOwner = maxRetainedPerOwner;
	}

	public int getMaxActiveAnonymous() {
		return this.maxActiveAnonymous;
	}

	public void setMaxActiveAnonymous(int maxActiveAnonymous) {
		Assert.isTrue(maxActiveAnonymous > 0, "mcp.tasks.max-active-anonymous must be positive");
		this.maxActiveAnonymous = maxActiveAnonymous;
	}

	public int getMaxRetainedAnonymous() {
		return this.maxRetainedAnonymous;
	}

	public void setMaxRetainedAnonymous(int maxRetainedAnonymous) {
		Assert.isTrue(maxRetainedAnonymous > 0, "mcp.tasks.max-retained-anonymous must be positive");
		this.maxRetainedAnonymous = maxRetainedAnonymous;
	}

	public DataSize getMaxArgumentsSize() {
		return this.maxArgumentsSize;
	}

	public void setMaxArgumentsSize(DataSize maxArgumentsSize) {
		this.maxArgumentsSize = maxArgumentsSize;
	}

	public DataSize getMaxResultSize() {
		return this.maxResultSize;
	}

	public void setMaxResultSize(DataSize maxResultSize) {
		this.maxResultSize = maxResultSize;
	}

	/**
	 * How a protocol 2026-07-28 call of a tool with optional task support runs for a
	 * client that declared the tasks extension.
	 */
	public enum ExtensionOptionalPolicy {

		/** As a task: the client polls tasks/get for the outcome. */
		TASK,

		/** Inline: the result is the answer to the call. */
		INLINE

	}

}
