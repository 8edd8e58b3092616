package dev.mcpspring.internal.task;

import dev.mcpspring.internal.session.McpSessionStreams;
import dev.mcpspring.internal.wire.JsonRpcNotification;
import dev.mcpspring.tasks.DocketListener;
import dev.mcpspring.tasks.TaskInfo;

/**
 * Sends {@code notifications/tasks/status} to the submitting session's open stream when
 * a task's status changes. Optional for clients, which keep polling. Every process hears
 * every status change of a shared docket, so each sends only on the streams it holds.
 */
public class TaskStatusNotifier implements DocketListener {

	private final McpSessionStreams streams;

	private final McpTasksFeature tasks;

	public TaskStatusNotifier(McpSessionStreams streams, McpTasksFeature tasks) {
		this.streams = streams;
		this.tasks = tasks;
	}

	@Override
	public void onStatusChanged(TaskInfo task, boolean local) {
		String sessionId = task.metadata().get(TaskPropagation.SESSION);
		if (sessionId != null && this.streams.hasStream(sessionId)) {
			this.streams.sendLocally(sessionId,
					JsonRpcNotification.of("notifications/tasks/status", this.tasks.describe(task)));
		}
	}

}
