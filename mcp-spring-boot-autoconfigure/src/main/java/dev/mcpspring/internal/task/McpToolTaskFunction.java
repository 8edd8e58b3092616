package dev.mcpspring.internal.task;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.CallToolResult;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpException;
import dev.mcpspring.McpToolHandler;
import dev.mcpspring.internal.session.ExchangeMcpContext;
import dev.mcpspring.internal.session.InputRequiredException;
import dev.mcpspring.internal.session.McpContextHolder;
import dev.mcpspring.internal.wire.ErrorCodes;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.tasks.TaskError;
import dev.mcpspring.tasks.TaskExecution;
import dev.mcpspring.tasks.TaskFunction;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskRefusedException;
import dev.mcpspring.tasks.TaskResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a tool handler in a worker: binds a background {@link McpContext} (built from the
 * server and the docket, with the task's id, progress and cancellation) and the submitter's security
 * context, calls the handler, and turns its result into the task's outcome (a result
 * with {@code isError: true} fails the task).
 */
abstract class McpToolTaskFunction implements TaskFunction {

	private final TaskHost server;

	private final TaskPropagation propagation;

	private final TaskMessages messages;

	McpToolTaskFunction(TaskHost server, TaskPropagation propagation, TaskMessages messages) {
		this.server = server;
		this.propagation = propagation;
		this.messages = messages;
	}

	/**
	 * Returns the handler to run for a task.
	 * @param task the task
	 * @return the handler, or {@code null} when this process does not know it
	 */
	protected abstract @Nullable McpToolHandler handler(TaskInfo task);

	/**
	 * Returns the arguments to call the handler with.
	 * @param task the task
	 * @return the arguments
	 */
	protected ObjectNode arguments(TaskInfo task) {
		JsonNode arguments = task.arguments();
		return (arguments instanceof ObjectNode object) ? object : JsonNodeFactory.instance.objectNode();
	}

	@Override
	public TaskResult run(TaskInfo task, TaskExecution execution) throws Exception {
		McpToolHandler handler = handler(task);
		if (handler == null) {
			return TaskResult.error(new TaskError(ErrorCodes.INVALID_PARAMS,
					"Unknown task function: " + task.function(), null), false);
		}
		TaskPropagation.Carried carried;
		try {
			carried = this.propagation.open(task);
		}
		catch (IllegalStateException ex) {
			String message = ex.getMessage();
			return TaskResult.error(new TaskError(ErrorCodes.INTERNAL_ERROR,
					(message != null) ? message : ex.getClass().getSimpleName(), null), false);
		}
		String principalName = task.metadata().get(TaskPropagation.PRINCIPAL);
		Principal principal = (principalName != null) ? () -> principalName : null;
		TaskExchange exchange = new TaskExchange(task, execution, this.server, principal, this.messages, carried);
		McpContext context = new ExchangeMcpContext(this.server.clientRequests(), execution.docket(),
				this.server.backgroundTasks().orElse(null))
			.with(exchange);
		return this.propagation.restore(carried, () -> {
			McpContextHolder.set(context);
			try {
				CallToolResult result = handler.call(arguments(task), context);
				JsonNode json = McpJson.mapper().valueToTree(result);
				return result.isError() ? TaskResult.failed(json, true) : TaskResult.completed(json);
			}
			catch (InputRequiredException ex) {
				return TaskResult.inputRequired(ex.inputRequests());
			}
			catch (McpException ex) {
				return TaskResult.error(new TaskError(ex.getCode(), ex.getMessage(), ex.getData()), false);
			}
			catch (TaskRefusedException ex) {
				return TaskResult.error(new TaskError(ErrorCodes.INVALID_PARAMS, ex.getMessage(), null), false);
			}
			finally {
				McpContextHolder.clear();
				this.messages.ended(task.id());
			}
		});
	}

}
