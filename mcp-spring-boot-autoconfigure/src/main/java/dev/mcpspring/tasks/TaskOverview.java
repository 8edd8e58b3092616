package dev.mcpspring.tasks;

import org.jspecify.annotations.Nullable;

/**
 * A task as an operator sees it.
 *
 * @param task the task
 * @param state where the task is
 * @param worker the worker running it, or {@code null} when it is not running
 */
public record TaskOverview(TaskInfo task, TaskState state, @Nullable String worker) {
}
