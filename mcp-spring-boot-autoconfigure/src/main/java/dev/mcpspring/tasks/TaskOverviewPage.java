package dev.mcpspring.tasks;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of every owner's tasks.
 *
 * @param tasks the tasks, newest first
 * @param nextCursor the cursor of the next page, or {@code null} on the last page
 */
public record TaskOverviewPage(List<TaskOverview> tasks, @Nullable String nextCursor) {
}
