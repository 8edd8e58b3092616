package dev.mcpspring.internal.tool;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.CallToolResult;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpException;
import dev.mcpspring.TaskSupport;
import dev.mcpspring.internal.method.McpListFilter;
import dev.mcpspring.internal.method.Pagination;
import dev.mcpspring.internal.session.ExchangeMcpContext;
import dev.mcpspring.internal.session.InputGatheredException;
import dev.mcpspring.internal.session.InputRound;
import dev.mcpspring.internal.session.McpExchange;
import dev.mcpspring.internal.session.McpFeature;
import dev.mcpspring.internal.session.McpRequestHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code tools/list} and {@code tools/call} methods.
 */
public class McpToolsFeature implements McpFeature {

	private final DefaultMcpToolRegistry registry;

	private final int pageSize;

	private final McpListFilter listFilter;

	private final @Nullable ToolTaskSubmitter taskSubmitter;

	private final ToolCallObserver observer;

	/**
	 * Creates the feature.
	 * @param registry the tools
	 * @param pageSize the maximum number of tools per page
	 * @param taskSubmitter runs calls as tasks, or {@code null} when tasks are off
	 * @param observer told of each direct call
	 * @param listFilter which tools {@code tools/list} shows the caller
	 */
	public McpToolsFeature(DefaultMcpToolRegistry registry, int pageSize, @Nullable ToolTaskSubmitter taskSubmitter,
			ToolCallObserver observer, McpListFilter listFilter) {
		this.registry = registry;
		this.listFilter = listFilter;
		this.pageSize = pageSize;
		this.taskSubmitter = taskSubmitter;
		this.observer = observer;
	}

	@Override
	public void contributeCapabilities(Map<String, Object> capabilities) {
		capabilities.put("tools", Map.of("listChanged", true));
	}

	@Override
	public Map<String, McpRequestHandler> requestHandlers() {
		return Map.of("tools/list",
				(params, context) -> Pagination.page(params, this.registry.all(), this.pageSize, "tools",
						RegisteredTool::listed, (name) -> this.listFilter.isListed(McpListFilter.Kind.TOOL, name)),
				"tools/call", this::call);
	}

	/**
	 * Returns whether a tool runs only as a task.
	 * @param name the tool's name
	 * @return whether the tool is registered with task support {@code required}
	 */
	public boolean requiresTask(String name) {
		return this.registry.find(name).filter((tool) -> tool.taskSupport() == TaskSupport.REQUIRED).isPresent();
	}

	/**
	 * Returns the arguments of a tool that 2026-07-28 clients mirror into
	 * {@code Mcp-Param-*} headers.
	 * @param name the tool name
	 * @return the header parameters; empty for a tool without any, or not registered
	 */
	public List<HeaderParameter> headerParameters(String name) {
		return this.registry.find(name).map(RegisteredTool::headerParameters).orElse(List.of());
	}

	private Object call(ObjectNode params, McpContext context) throws Exception {
		JsonNode name = params.get("name");
		if (name == null || !name.isString()) {
			throw McpException.invalidParams("tools/call needs a \"name\" string");
		}
		RegisteredTool tool = this.registry.find(name.stringValue())
			.orElseThrow(() -> McpException.invalidParams("Unknown tool: " + name.stringValue()));
		ObjectNode arguments = arguments(params);
		if (ExchangeMcpContext.exchangeOf(context).isStateless()) {
			return callStateless(tool, arguments, context);
		}
		JsonNode task = params.get("task");
		if (this.taskSubmitter != null && task != null && !task.isNull()) {
			if (!task.isObject()) {
				throw McpException.invalidParams("\"task\" must be an object");
			}
			if (tool.taskSupport() == TaskSupport.FORBIDDEN) {
				throw McpException.methodNotFound("Tool '" + name.stringValue() + "' cannot be called as a task");
			}
			return this.taskSubmitter.submit(tool, arguments, (ObjectNode) task, context);
		}
		if (tool.taskSupport() == TaskSupport.REQUIRED) {
			throw McpException.methodNotFound("Tool '" + name.stringValue() + "' must be called as a task");
		}
		return callDirectly(tool, arguments, context);
	}

	/**
	 * Calls a tool on the stateless wire, where the server decides whether the call runs
	 * as a task.
	 */
	private Object callStateless(RegisteredTool tool, ObjectNode arguments, McpContext context) throws Exception {
		McpExchange exchange = ExchangeMcpContext.exchangeOf(context);
		if (this.taskSubmitter != null && this.taskSubmitter.runsAsTask(tool.taskSupport(), exchange)) {
			InputRound round = exchange.inputRound();
			if (tool.handler().inputBeforeTask() && round != null) {
				round.gatherBeforeTask();
				try {
					return callDirectly(tool, arguments, context);
				}
				catch (InputGatheredException ex) {
					// Every answer is there: the task starts with them
				}
			}
			return this.taskSubmitter.submit(tool, arguments, JsonNodeFactory.instance.objectNode(), context);
		}
		if (tool.taskSupport() == TaskSupport.REQUIRED) {
			throw McpException.methodNotFound("Tool '" + tool.listed().name() + "' runs only as a task");
		}
		return callDirectly(tool, arguments, context);
	}

	private Object callDirectly(RegisteredTool tool, ObjectNode arguments, McpContext context) throws Exception {
		long start = System.nanoTime();
		@Nullable String outcome = "failure";
		try {
			Object result = ExchangeMcpContext.exchangeOf(context).runCancellable(() -> invoke(tool, arguments, context));
			if (result instanceof CompletionStage<?> stage) {
				outcome = null;
				return stage.whenComplete((value, failure) -> this.observer.called(tool.listed().name(),
						outcome(context, (CallToolResult) value, failure), System.nanoTime() - start));
			}
			outcome = outcome(context, (CallToolResult) result, null);
			if (context.isCancelled()) {
				throw new CancellationException("The tool call was cancelled");
			}
			return result;
		}
		catch (CancellationException ex) {
			outcome = "cancelled";
			throw ex;
		}
		finally {
			if (outcome != null) {
				this.observer.called(tool.listed().name(), outcome, System.nanoTime() - start);
			}
		}
	}

	private static Object invoke(RegisteredTool tool, ObjectNode arguments, McpContext context) throws Exception {
		if (tool.handler() instanceof McpToolMethod method) {
			return method.callWithoutWaiting(arguments, context);
		}
		return tool.handler().call(arguments, context);
	}

	private static String outcome(McpContext context, @Nullable CallToolResult result,
			@Nullable Throwable failure) {
		if (context.isCancelled() || failure instanceof CancellationException
				|| (failure != null && failure.getCause() instanceof CancellationException)) {
			return "cancelled";
		}
		if (failure != null || result == null) {
			return "failure";
		}
		return result.isError() ? "error" : "success";
	}

	private static ObjectNode arguments(ObjectNode params) {
		JsonNode arguments = params.get("arguments");
		if (arguments == null || arguments.isNull()) {
			return JsonNodeFactory.instance.objectNode();
		}
		if (!arguments.isObject()) {
			throw McpException.invalidParams("\"arguments\" must be an object");
		}
		return (ObjectNode) arguments;
	}

}
