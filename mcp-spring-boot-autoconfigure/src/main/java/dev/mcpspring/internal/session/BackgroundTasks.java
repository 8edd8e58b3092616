package dev.mcpspring.internal.session;

import dev.mcpspring.tasks.TaskInfo;

/**
 * Submits background functions on behalf of the caller of an exchange; what
 * {@link dev.mcpspring.McpContext#submit(String, Object)} delegates to. Implemented by
 * the tasks feature.
 */
@FunctionalInterface
public interface BackgroundTasks {

	/**
	 * Submits a background function owned by the caller of an exchange.
	 * @param function the function name
	 * @param arguments the arguments
	 * @param exchange the submitting exchange
	 * @return the task
	 */
	TaskInfo submitBackground(String function, Object arguments, McpExchange exchange);

}
