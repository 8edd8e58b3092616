package dev.mcpspring.internal.docket;

import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

import dev.mcpspring.internal.wire.ErrorCodes;
import dev.mcpspring.internal.wire.JsonSize;
import dev.mcpspring.tasks.TaskError;
import dev.mcpspring.tasks.TaskRefusedException;
import dev.mcpspring.tasks.TaskResult;
import tools.jackson.databind.ObjectMapper;

/**
 * Bounds on what one owner may keep in a docket, and on the size of what a task stores.
 * Tasks without an owner (submitted by the application itself) are not counted against
 * the per-owner limits.
 *
 * @param maxActivePerOwner the most unfinished tasks (queued, running or waiting for
 * input) an owner may have; a submission beyond it is refused
 * @param maxRetainedPerOwner the most finished tasks kept per owner; beyond it the
 * owner's own oldest finished tasks are purged before their ttl
 * @param maxArgumentsSize the largest task arguments (as JSON); larger submissions are
 * refused
 * @param maxResultSize the largest result (as JSON) a task may store; a larger result
 * fails the task instead
 */
public record DocketLimits(int maxActivePerOwner, int maxRetainedPerOwner, DataSize maxArgumentsSize,
		DataSize maxResultSize) {

	/** The defaults: 100 active and 1,000 retained tasks per owner, 1 MB of arguments, 4 MB of result. */
	public static final DocketLimits DEFAULTS = new DocketLimits(100, 1000, DataSize.ofMegabytes(1),
			DataSize.ofMegabytes(4));

	public DocketLimits {
		Assert.isTrue(maxActivePerOwner > 0, "maxActivePerOwner must be positive");
		Assert.isTrue(maxRetainedPerOwner > 0, "maxRetainedPerOwner must be positive");
		Assert.notNull(maxArgumentsSize, "maxArgumentsSize must not be null");
		Assert.notNull(maxResultSize, "maxResultSize must not be null");
	}

	/**
	 * Refuses task arguments larger than {@link #maxArgumentsSize()}.
	 * @param mapper writes the arguments as JSON
	 * @param arguments the arguments
	 * @throws TaskRefusedException when they are too large
	 */
	public void checkArguments(ObjectMapper mapper, Object arguments) {
		if (JsonSize.exceeds(mapper, arguments, this.maxArgumentsSize.toBytes())) {
			throw new TaskRefusedException("The task's arguments are larger than " + this.maxArgumentsSize
					+ " (mcp.tasks.max-arguments-size)");
		}
	}

	/**
	 * Returns the outcome to store for a run: the outcome itself, or a failure when its
	 * result is larger than {@link #maxResultSize()}.
	 * @param mapper writes the result as JSON
	 * @param outcome how the run ended
	 * @return the outcome to store
	 */
	public TaskResult bound(ObjectMapper mapper, TaskResult outcome) {
		if (!JsonSize.exceeds(mapper, outcome.result(), this.maxResultSize.toBytes())) {
			return outcome;
		}
		return TaskResult.error(new TaskError(ErrorCodes.INTERNAL_ERROR, "The task's result is larger than "
				+ this.maxResultSize + " (mcp.tasks.max-result-size) and was not stored", null), false);
	}

}
