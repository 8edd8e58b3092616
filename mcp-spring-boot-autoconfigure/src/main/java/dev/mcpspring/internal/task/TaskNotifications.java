package dev.mcpspring.internal.task;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.internal.session.McpExchange;
import dev.mcpspring.internal.session.McpSubscriptions;
import dev.mcpspring.tasks.Docket;
import dev.mcpspring.tasks.DocketListener;
import dev.mcpspring.tasks.TaskInfo;

/**
 * The tasks extension's {@code notifications/tasks} on {@code subscriptions/listen}
 * streams (protocol 2026-07-28): decides which of the task ids a listen request names it
 * may watch, and sends each status change of a watched task, as {@code tasks/get} would
 * describe it at that moment, to the streams of this process that watch it. Every process
 * hears every status change of a shared docket, wherever the task runs.
 */
public class TaskNotifications implements DocketListener {

	private final Docket docket;

	private final McpTasksFeature tasks;

	private final McpSubscriptions subscriptions;

	/**
	 * Creates the notifications.
	 * @param docket the docket the tasks are in
	 * @param tasks describes a task as {@code tasks/get} does
	 * @param subscriptions the listen streams of this process
	 */
	public TaskNotifications(Docket docket, McpTasksFeature tasks, McpSubscriptions subscriptions) {
		this.docket = docket;
		this.tasks = tasks;
		this.subscriptions = subscriptions;
	}

	/**
	 * Returns the task ids a caller may watch: those of tool tasks it owns, as for
	 * {@code tasks/get} of the stateless wire (an anonymous caller's tasks belong to
	 * nobody). Unknown ids and tasks of others are left out.
	 * @param taskIds the task ids asked for
	 * @param principal the caller's principal, or {@code null} when it is anonymous
	 * @return the ids it may watch, in the order asked
	 */
	public Set<String> visible(Set<String> taskIds, @Nullable Principal principal) {
		String owner = (principal != null) ? McpExchange.ownerOf(principal) : null;
		Set<String> visible = new LinkedHashSet<>();
		for (String taskId : taskIds) {
			this.docket.get(taskId)
				.filter((task) -> isToolTask(task) && Objects.equals(owner, task.owner()))
				.ifPresent((task) -> visible.add(taskId));
		}
		return visible;
	}

	@Override
	public void onStatusChanged(TaskInfo task, boolean local) {
		if (isToolTask(task)) {
			this.subscriptions.taskChanged(task.id(), () -> this.tasks.detail(task, true));
		}
	}

	private static boolean isToolTask(TaskInfo task) {
		return task.function().startsWith(McpTasksFeature.TOOL_FUNCTION_PREFIX);
	}

}
