package dev.mcpspring.tasks;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of an owner's tasks.
 *
 * @param tasks the tasks, oldest first
 * @param nextCursor the cursor of the next page, or {@code null} on the last page
 */
public record TaskPage(List<TaskInfo> tasks, @Nullable String nextCursor) {
}
