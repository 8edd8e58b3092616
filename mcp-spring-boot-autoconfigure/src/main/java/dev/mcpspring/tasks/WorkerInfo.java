package dev.mcpspring.tasks;

import java.time.Instant;
import java.util.List;

/**
 * A worker as the docket last heard from it.
 *
 * @param id the worker id
 * @param lastSeen when it last claimed tasks or renewed their leases
 * @param runningTaskIds the tasks it runs
 */
public record WorkerInfo(String id, Instant lastSeen, List<String> runningTaskIds) {
}
