package dev.mcpspring.tasks;

import java.util.Map;

/**
 * Counts of a docket's tasks. The totals only grow, so a rate is the difference of two
 * readings over the time between them.
 *
 * @param tasks how many tasks are in each state (every state present)
 * @param submittedTotal how many tasks were submitted since the docket was created
 * @param finishedTotal how many tasks finished since the docket was created
 */
public record DocketStats(Map<TaskState, Long> tasks, long submittedTotal, long finishedTotal) {
}
