package dev.mcpspring.internal.dashboard;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.tasks.TaskState;

/**
 * Which tasks the dashboard lists: one state or all, one id, and the page.
 * @param state the state, or {@code null} for all
 * @param id the task id to find, or {@code null} for a page of tasks
 * @param cursor the cursor of the page, or {@code null} for the first
 */
record TaskFilter(@Nullable TaskState state, @Nullable String id, @Nullable String cursor) {

	static final TaskFilter ALL = new TaskFilter(null, null, null);

	private static final int MAX_LENGTH = 200;

	/**
	 * Reads a filter from request parameters.
	 * @param state the state parameter
	 * @param id the id parameter
	 * @param cursor the cursor parameter
	 * @return the filter
	 * @throws IllegalArgumentException when a parameter is not valid
	 */
	static TaskFilter of(@Nullable String state, @Nullable String id, @Nullable String cursor) {
		return new TaskFilter(state(state), text("id", id), text("cursor", cursor));
	}

	private static @Nullable TaskState state(@Nullable String state) {
		if (state == null || state.isEmpty()) {
			return null;
		}
		try {
			return TaskState.valueOf(state.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Unknown state: use one of QUEUED, RUNNING, INPUT_REQUIRED, "
					+ "COMPLETED, FAILED, CANCELLED");
		}
	}

	private static @Nullable String text(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("The " + name + " is too long");
		}
		return value.strip();
	}

}
