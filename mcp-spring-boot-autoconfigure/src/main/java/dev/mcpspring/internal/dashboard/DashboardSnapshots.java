package dev.mcpspring.internal.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.tasks.DocketAdmin;
import dev.mcpspring.tasks.DocketStats;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskOverview;
import dev.mcpspring.tasks.TaskOverviewPage;
import dev.mcpspring.tasks.WorkerInfo;

/**
 * What the dashboard shows, as JSON-ready maps: tasks, workers, counts and their history.
 */
public class DashboardSnapshots {

	/** Most tasks in one snapshot. */
	static final int PAGE_SIZE = 100;

	private final DocketAdmin admin;

	private final DocketHistory history;

	/**
	 * Creates the snapshots of a docket.
	 * @param admin the docket
	 * @param history its sampled counts
	 */
	public DashboardSnapshots(DocketAdmin admin, DocketHistory history) {
		this.admin = admin;
		this.history = history;
	}

	/**
	 * Returns everything the page shows.
	 * @param filter which tasks to list
	 * @return the snapshot
	 */
	Map<String, Object> snapshot(TaskFilter filter) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("tasks", tasks(filter));
		snapshot.put("workers", workers());
		snapshot.put("stats", stats(this.admin.stats()));
		snapshot.put("history", this.history.samples());
		snapshot.put("historyIntervalMillis", this.history.interval().toMillis());
		return snapshot;
	}

	/**
	 * Returns a page of tasks.
	 * @param filter which tasks to list
	 * @return the page
	 */
	Map<String, Object> tasks(TaskFilter filter) {
		List<Map<String, @Nullable Object>> tasks = new ArrayList<>();
		if (filter.id() != null) {
			this.admin.task(filter.id()).ifPresent((task) -> tasks.add(task(task)));
			return Map.of("tasks", tasks);
		}
		TaskOverviewPage page = this.admin.tasks(filter.state(), filter.cursor(), PAGE_SIZE);
		page.tasks().forEach((task) -> tasks.add(task(task)));
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("tasks", tasks);
		if (page.nextCursor() != null) {
			result.put("nextCursor", page.nextCursor());
		}
		return result;
	}

	private List<Map<String, Object>> workers() {
		List<Map<String, Object>> workers = new ArrayList<>();
		for (WorkerInfo worker : this.admin.workers()) {
			workers.add(Map.of("id", worker.id(), "lastSeen", worker.lastSeen().toString(), "runningTaskIds",
					worker.runningTaskIds()));
		}
		return workers;
	}

	private static Map<String, Object> stats(DocketStats stats) {
		Map<String, Object> counts = new LinkedHashMap<>();
		stats.tasks().forEach((state, count) -> counts.put(state.name(), count));
		return Map.of("tasks", counts, "submittedTotal", stats.submittedTotal(), "finishedTotal",
				stats.finishedTotal());
	}

	static Map<String, @Nullable Object> task(TaskOverview overview) {
		TaskInfo task = overview.task();
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		view.put("id", task.id());
		view.put("function", task.function());
		view.put("owner", task.owner());
		view.put("status", task.status().wireName());
		view.put("state", overview.state().name());
		view.put("statusMessage", task.statusMessage());
		view.put("progress", task.progress());
		view.put("total", task.total());
		view.put("attempts", task.attempts());
		view.put("worker", overview.worker());
		view.put("createdAt", time(task.createdAt()));
		view.put("updatedAt", time(task.updatedAt()));
		view.put("runAt", time(task.runAt()));
		view.put("finishedAt", time(task.finishedAt()));
		view.put("error", (task.error() != null) ? task.error().message() : null);
		return view;
	}

	private static @Nullable String time(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
