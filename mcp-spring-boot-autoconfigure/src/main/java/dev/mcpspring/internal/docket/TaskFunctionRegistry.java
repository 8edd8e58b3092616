package dev.mcpspring.internal.docket;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.mcpspring.tasks.TaskFunction;

/**
 * The functions workers of this process can run, by name. A name ending in {@code ':'}
 * registers a namespace: its function runs every task whose function name starts with
 * it (the MCP server registers {@code tool:} for tools called as tasks).
 */
public class TaskFunctionRegistry {

	private final Map<String, TaskFunction> functions = new ConcurrentHashMap<>();

	/**
	 * Registers a function.
	 * @param name the function name, or a namespace ending in {@code ':'}
	 * @param function the function
	 * @throws IllegalStateException when the name is taken
	 */
	public void register(String name, TaskFunction function) {
		if (this.functions.putIfAbsent(name, function) != null) {
			throw new IllegalStateException("A task function named '" + name + "' is already registered");
		}
	}

	/**
	 * Finds the function for a task.
	 * @param name the task's function name
	 * @return the function, or empty
	 */
	public Optional<TaskFunction> find(String name) {
		TaskFunction function = this.functions.get(name);
		if (function == null) {
			int colon = name.indexOf(':');
			if (colon > 0) {
				function = this.functions.get(name.substring(0, colon + 1));
			}
		}
		return Optional.ofNullable(function);
	}

	public boolean contains(String name) {
		return this.functions.containsKey(name);
	}

}
