package dev.mcpspring.internal.tool;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.executable.ExecutableValidator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import dev.mcpspring.CallToolResult;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpException;
import dev.mcpspring.McpTool;
import dev.mcpspring.McpToolHandler;
import dev.mcpspring.TaskSupport;
import dev.mcpspring.Tool;
import dev.mcpspring.internal.method.InvocableMethod;
import dev.mcpspring.internal.method.ToolArgument;
import dev.mcpspring.internal.session.ExchangeMcpContext;
import dev.mcpspring.tasks.TaskRefusedException;
import tools.jackson.databind.node.ObjectNode;

/**
 * An {@link McpTool} method of a bean, callable as a tool.
 */
final class McpToolMethod implements McpToolHandler {

	private static final Log logger = LogFactory.getLog(McpToolMethod.class);

	private final InvocableMethod<ObjectNode> invocable;

	private final Tool tool;

	private final @Nullable TaskSupport taskSupport;

	private final boolean inputBeforeTask;

	private final List<ToolArgument> arguments;

	private final ToolResultConverter converter;

	private final @Nullable ExecutableValidator validator;

	McpToolMethod(InvocableMethod<ObjectNode> invocable, Tool tool, @Nullable TaskSupport taskSupport,
			boolean inputBeforeTask, List<ToolArgument> arguments, ToolResultConverter converter,
			@Nullable ExecutableValidator validator) {
		this.invocable = invocable;
		this.tool = tool;
		this.taskSupport = taskSupport;
		this.inputBeforeTask = inputBeforeTask;
		this.arguments = arguments;
		this.converter = converter;
		this.validator = validator;
	}

	@Override
	public Tool tool() {
		return this.tool;
	}

	@Override
	public @Nullable TaskSupport taskSupport() {
		return this.taskSupport;
	}

	@Override
	public boolean inputBeforeTask() {
		return this.inputBeforeTask;
	}

	@Override
	public CallToolResult call(ObjectNode arguments, McpContext context) throws Exception {
		CallToolResult result = (CallToolResult) InvocableMethod.await(callWithoutWaiting(arguments, context));
		Assert.state(result != null, "A tool call always has a result");
		return result;
	}

	/**
	 * Calls the tool without waiting for a {@link CompletionStage} it returns.
	 * @param arguments the arguments
	 * @param context the context of the call
	 * @return the {@link CallToolResult}, or a {@link CompletionStage} of it when the
	 * method returned a stage
	 * @throws Exception a {@link McpException} to answer with a JSON-RPC error
	 */
	Object callWithoutWaiting(ObjectNode arguments, McpContext context) throws Exception {
		@Nullable Object[] values;
		try {
			values = this.invocable.resolveArguments(arguments, context);
		}
		catch (ToolArgument.InvalidArgumentException ex) {
			return CallToolResult.error(ex.getMessage());
		}
		if (this.validator != null) {
			Set<ConstraintViolation<Object>> violations = this.validator.validateParameters(this.invocable.bean(),
					this.invocable.method(), values);
			if (!violations.isEmpty()) {
				return CallToolResult.error(describe(violations));
			}
		}
		@Nullable Object result;
		try {
			result = this.invocable.doInvoke(values);
		}
		catch (Exception ex) {
			return failure(ex);
		}
		if (result instanceof CompletionStage<?> stage) {
			CompletableFuture<?> future = stage.toCompletableFuture();
			if (context instanceof ExchangeMcpContext exchangeContext) {
				exchangeContext.exchange().onCancel(() -> future.cancel(true));
			}
			return future.handle((value, failure) -> (failure != null) ? failure(InvocableMethod.unwrap(failure))
					: this.converter.convert(value));
		}
		return this.converter.convert(result);
	}

	private CallToolResult failure(Throwable failure) {
		if (failure instanceof McpException || failure instanceof TaskRefusedException
				|| failure instanceof CancellationException || failure instanceof Error) {
			throw InvocableMethod.rethrow(failure);
		}
		if (logger.isDebugEnabled()) {
			logger.debug("MCP tool '" + this.tool.name() + "' failed", failure);
		}
		String message = failure.getMessage();
		return CallToolResult.error((message != null) ? message : failure.getClass().getSimpleName());
	}

	private String describe(Set<ConstraintViolation<Object>> violations) {
		return violations.stream()
			.map((violation) -> argumentPath(violation.getPropertyPath()) + ": " + violation.getMessage())
			.sorted()
			.collect(Collectors.joining("; ", "Invalid arguments: ", ""));
	}

	private String argumentPath(Path path) {
		StringBuilder result = new StringBuilder();
		for (Path.Node node : path) {
			if (node.getKind() == ElementKind.PARAMETER) {
				result.append(this.arguments.get(node.as(Path.ParameterNode.class).getParameterIndex()).name());
			}
			else if (node.getKind() == ElementKind.PROPERTY) {
				result.append('.').append(node.getName());
			}
		}
		return result.toString();
	}

	@Override
	public String toString() {
		return this.invocable.toString();
	}

}
