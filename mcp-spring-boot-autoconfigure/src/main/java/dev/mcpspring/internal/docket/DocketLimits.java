package dev.mcpspring.internal.docket;

import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

import dev.mcpspring.internal.wire.ErrorCodes;
import dev.mcpspring.internal.wire.JsonSize;
import dev.mcpspring.tasks.TaskError;
import dev.mcpspring.tasks.TaskRefusedException;
import dev.mcpspring.tasks.TaskResult;
import dev.mcpspring.tasks.TaskSpec;
import tools.jackson.databind.ObjectMapper;

/**
 * Bounds on what one owner may keep in a docket, and on the size of what a task stores.
 * Tasks of unauthenticated clients without an owner (marked {@link #ANONYMOUS} in their
 * metadata) count together against the anonymous limits, as if of one owner; other tasks
 * without an owner (submitted by the application itself) are not counted.
 *
 * @param maxActivePerOwner the most unfinished tasks (queued, running or waiting for
 * input) an owner may have; a submission beyond it is refused
 * @param maxRetainedPerOwner the most finished tasks kept per owner; beyond it the
 * owner's own oldest finished tasks are purged before their ttl
 * @param maxArgumentsSize the largest task arguments (as JSON); larger submissions are
 * refused
 * @param maxResultSize the largest result (as JSON) a task may store; a larger result
 * fails the task instead
 * @param maxActiveAnonymous the most unfinished anonymous tasks, of all unauthenticated
 * clients together; a submission beyond it is refused
 * @param maxRetainedAnonymous the most finished anonymous tasks kept; beyond it the
 * oldest of them are purged before their ttl
 */
public record DocketLimits(int maxActivePerOwner, int maxRetainedPerOwner, DataSize maxArgumentsSize,
		DataSize maxResultSize, int maxActiveAnonymous, int maxRetainedAnonymous) {

	/**
	 * The defaults: 100 active and 1,000 retained tasks per owner, 1 MB of arguments, 4 MB
	 * of result, 1,000 active and 10,000 retained anonymous tasks.
	 */
	public static final DocketLimits DEFAULTS = new DocketLimits(100, 1000, DataSize.ofMegabytes(1),
			DataSize.ofMegabytes(4), 1000, 10000);

	/**
	 * The metadata key (value {@code "true"}) of a task without an owner submitted for an
	 * unauthenticated client: it counts against the anonymous limits.
	 */
	public static final String ANONYMOUS = "mcp.anonymous";

	public DocketLimits {
		Assert.isTrue(maxActivePerOwner > 0, "maxActivePerOwner must be positive");
		Assert.isTrue(maxRetainedPerOwner > 0, "maxRetainedPerOwner must be positive");
		Assert.isTrue(maxActiveAnonymous > 0, "maxActiveAnonymous must be positive");
		Assert.isTrue(maxRetainedAnonymous > 0, "maxRetainedAnonymous must be positive");
		Assert.notNull(maxArgumentsSize, "maxArgumentsSize must not be null");
		Assert.notNull(maxResultSize, "maxResultSize must not be null");
	}

	/**
	 * Returns whether a submission counts against the anonymous limits: it has no owner
	 * and is marked {@link #ANONYMOUS}.
	 * @param spec the submission
	 * @return whether it is anonymous
	 */
	public static boolean isAnonymous(TaskSpec spec) {
		return spec.owner() == null && "true".equals(spec.metadata().get(ANONYMOUS));
	}

	/**
	 * Returns the most unfinished tasks of an owner, or of all anonymous tasks together.
	 * @param anonymous whether for anonymous tasks
	 * @return the limit
	 */
	public int maxActive(boolean anonymous) {
		return anonymous ? this.maxActiveAnonymous : this.maxActivePerOwner;
	}

	/**
	 * Returns the most finished tasks kept of an owner, or of all anonymous tasks together.
	 * @param anonymous whether for anonymous tasks
	 * @return the limit
	 */
	public int maxRetained(boolean anonymous) {
		return anonymous ? this.maxRetainedAnonymous : this.maxRetainedPerOwner;
	}

	/**
	 * Returns the refusal of a submission beyond {@link #maxActive(boolean)}.
	 * @param anonymous whether the submission is anonymous
	 * @return the exception to throw
	 */
	public TaskRefusedException tooManyActive(boolean anonymous) {
		if (anonymous) {
			return new TaskRefusedException("Too many unfinished tasks of unauthenticated clients: at most "
					+ this.maxActiveAnonymous
					+ " in all (mcp.tasks.max-active-anonymous); retry when some have finished, or authenticate");
		}
		return new TaskRefusedException("Too many unfinished tasks: at most " + this.maxActivePerOwner
				+ " per client (mcp.tasks.max-active-per-owner); retry when some have finished");
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
	 * Refuses input answers larger than {@link #maxArgumentsSize()}, the bound of what a
	 * client puts in a task.
	 * @param mapper writes the answers as JSON
	 * @param answers the answers
	 * @throws TaskRefusedException when they are too large
	 */
	public void checkInput(ObjectMapper mapper, Object answers) {
		if (JsonSize.exceeds(mapper, answers, this.maxArgumentsSize.toBytes())) {
			throw new TaskRefusedException("The answers are larger than " + this.maxArgumentsSize
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
