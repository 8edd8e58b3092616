package dev.mcpspring.internal.task;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.McpContext;
import dev.mcpspring.McpException;
import dev.mcpspring.TaskSupport;
import dev.mcpspring.internal.docket.DocketLimits;
import dev.mcpspring.internal.method.Pagination;
import dev.mcpspring.internal.session.BackgroundTasks;
import dev.mcpspring.internal.session.ExchangeMcpContext;
import dev.mcpspring.internal.session.InputRound;
import dev.mcpspring.internal.session.McpExchange;
import dev.mcpspring.internal.session.McpFeature;
import dev.mcpspring.internal.session.McpRequestHandler;
import dev.mcpspring.internal.tool.RegisteredTool;
import dev.mcpspring.internal.tool.ToolTaskSubmitter;
import dev.mcpspring.internal.wire.ErrorCodes;
import dev.mcpspring.internal.wire.JsonRpcNotification;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.internal.wire.McpTask;
import dev.mcpspring.tasks.Docket;
import dev.mcpspring.tasks.TaskError;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskPage;
import dev.mcpspring.tasks.TaskRefusedException;
import dev.mcpspring.tasks.TaskSpec;
import dev.mcpspring.tasks.TaskStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * MCP tasks, on both wires, over one {@link Docket}.
 * <p>
 * Protocol 2025-11-25: tools called with {@code params.task} become tasks, and
 * {@code tasks/get}, {@code tasks/result}, {@code tasks/list} and {@code tasks/cancel}
 * follow them. A task belongs to the caller's principal, or to its session when it is
 * anonymous; nobody else can see it.
 * <p>
 * Protocol 2026-07-28, the extension {@value #EXTENSION}: the server decides that a call
 * of a client that declared the extension runs as a task (a {@code required} tool always,
 * an {@code optional} one by {@link Settings#optionalAsTask() policy}) and answers with a
 * flat {@code CreateTaskResult} once the task is stored; {@code tasks/get} returns it
 * with its outcome inline, {@code tasks/update} and {@code tasks/cancel} acknowledge. A
 * task belongs to the caller's principal; an anonymous caller's task belongs to nobody
 * and is protected by its unguessable id alone.
 */
public class McpTasksFeature implements McpFeature, ToolTaskSubmitter, BackgroundTasks {

	/** Function namespace of tools run as tasks. */
	public static final String TOOL_FUNCTION_PREFIX = "tool:";

	/** The {@code _meta} key relating a message to a task. */
	public static final String RELATED_TASK = "io.modelcontextprotocol/related-task";

	/** The identifier of the tasks extension of protocol 2026-07-28. */
	public static final String EXTENSION = "io.modelcontextprotocol/tasks";

	private final Docket docket;

	private final Settings settings;

	private final TaskPropagation propagation;

	private final TaskMessages messages;

	public McpTasksFeature(Docket docket, Settings settings, TaskPropagation propagation, TaskMessages messages) {
		this.docket = docket;
		this.settings = settings;
		this.propagation = propagation;
		this.messages = messages;
	}

	@Override
	public void contributeCapabilities(Map<String, Object> capabilities) {
		capabilities.put("tasks", Map.of("list", Map.of(), "cancel", Map.of(), "requests",
				Map.of("tools", Map.of("call", Map.of()))));
	}

	@Override
	public Map<String, McpRequestHandler> requestHandlers() {
		return Map.of("tasks/get", this::get, "tasks/result", this::result, "tasks/list", this::list, "tasks/cancel",
				this::cancel, "tasks/update", this::update);
	}

	@Override
	public boolean runsAsTask(TaskSupport support, McpExchange exchange) {
		return exchange.hasClientExtension(EXTENSION) && (support == TaskSupport.REQUIRED
				|| (support == TaskSupport.OPTIONAL && this.settings.optionalAsTask()));
	}

	@Override
	public Object submit(RegisteredTool tool, ObjectNode arguments, ObjectNode task, McpContext context) {
		McpExchange exchange = ExchangeMcpContext.exchangeOf(context);
		if (exchange.isStateless()) {
			TaskSpec.Builder spec = spec(TOOL_FUNCTION_PREFIX + tool.listed().name(), arguments, exchange);
			InputRound round = exchange.inputRound();
			if (round != null) {
				spec.inputResponses(round.used());
			}
			Map<String, Object> created = new LinkedHashMap<>();
			created.put("resultType", "task");
			created.putAll(detail(submit(spec.build()), false));
			return created;
		}
		TaskSpec.Builder spec = spec(TOOL_FUNCTION_PREFIX + tool.listed().name(), arguments, exchange)
			.ttl(ttl(task.get("ttl")));
		if (exchange.progressToken() != null) {
			spec.metadata(TaskPropagation.PROGRESS_TOKEN, exchange.progressToken().toString());
		}
		return Map.of("task", describe(submit(spec.build())));
	}

	@Override
	public TaskInfo submitBackground(String function, Object arguments, McpExchange exchange) {
		return submit(spec(function, arguments, exchange).build());
	}

	/**
	 * Submits a task; a refused submission is answered as invalid params.
	 */
	private TaskInfo submit(TaskSpec spec) {
		try {
			return this.docket.submit(spec);
		}
		catch (TaskRefusedException ex) {
			throw McpException.invalidParams(ex.getMessage());
		}
	}

	/**
	 * Describes a task as MCP clients see it.
	 * @param task the task
	 * @return the MCP task
	 */
	public McpTask describe(TaskInfo task) {
		return new McpTask(task.id(), task.status().wireName(), task.statusMessage(), task.createdAt().toString(),
				task.updatedAt().toString(), (task.ttl() != null) ? task.ttl().toMillis() : null,
				this.settings.pollInterval().toMillis());
	}

	/**
	 * Starts the spec of a task submitted for a client: the client's task, or, when it is
	 * unauthenticated on a wire without sessions, an anonymous one.
	 */
	private TaskSpec.Builder spec(String function, Object arguments, McpExchange exchange) {
		TaskSpec.Builder spec = TaskSpec.builder(function)
			.arguments(arguments)
			.owner(exchange.owner())
			.ttl(this.settings.defaultTtl())
			.metadata(this.propagation.capture(exchange));
		if (exchange.owner() == null) {
			spec.metadata(DocketLimits.ANONYMOUS, "true");
		}
		return spec;
	}

	private Duration ttl(JsonNode requested) {
		if (requested == null || requested.isNull()) {
			return this.settings.defaultTtl();
		}
		if (!requested.isIntegralNumber() || requested.asLong() < 0) {
			throw McpException.invalidParams("\"task.ttl\" must be a non-negative integer of milliseconds");
		}
		Duration ttl = Duration.ofMillis(requested.asLong());
		return (ttl.compareTo(this.settings.maxTtl()) > 0) ? this.settings.maxTtl() : ttl;
	}

	/**
	 * Waits, without holding a thread, until the task finishes, delivering on this
	 * request's stream the requests the task sends to the client meanwhile; then answers
	 * with the task's result.
	 */
	private Object result(ObjectNode params, McpContext context) {
		TaskInfo task = find(params, context);
		McpExchange exchange = ExchangeMcpContext.exchangeOf(context);
		CompletableFuture<TaskInfo> finished = this.messages.await(task.id(), exchange::send, this.docket::get);
		exchange.onCancel(() -> finished.cancel(false));
		return finished.thenApply((current) -> {
			if (current == null) {
				throw unknown(task.id());
			}
			return resultOf(current);
		});
	}

	private Object resultOf(TaskInfo task) {
		if (task.status() == TaskStatus.CANCELLED) {
			throw new McpException(ErrorCodes.INTERNAL_ERROR, "Task " + task.id() + " was cancelled");
		}
		TaskError error = task.error();
		if (error != null) {
			throw new McpException(error.code(), error.message(), error.data());
		}
		ObjectNode result = (task.result() instanceof ObjectNode object) ? object.deepCopy()
				: McpJson.mapper().createObjectNode().set("content", McpJson.mapper().createArrayNode());
		ObjectNode meta = (result.get("_meta") instanceof ObjectNode existing) ? existing : result.putObject("_meta");
		meta.putObject(RELATED_TASK).put("taskId", task.id());
		return result;
	}

	private Object list(ObjectNode params, McpContext context) {
		String owner = ExchangeMcpContext.exchangeOf(context).owner();
		if (owner == null) {
			return Map.of("tasks", List.of());
		}
		TaskPage page;
		try {
			page = this.docket.list(owner, Pagination.decode(params.get("cursor")), this.settings.pageSize());
		}
		catch (IllegalArgumentException ex) {
			throw McpException.invalidParams("Invalid cursor");
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("tasks", page.tasks().stream().map(this::describe).toList());
		if (page.nextCursor() != null) {
			result.put("nextCursor", Pagination.encode(page.nextCursor()));
		}
		return result;
	}

	private Object get(ObjectNode params, McpContext context) {
		TaskInfo task = find(params, context);
		return ExchangeMcpContext.exchangeOf(context).isStateless() ? detail(task, true) : describe(task);
	}

	/**
	 * Describes a task as the tasks extension does: its fields, and with
	 * {@code withOutcome} its result (completed) or error (failed) inline. A tool result
	 * with {@code isError} ends {@code completed}; {@code failed} is only for a protocol
	 * error. {@code ttlMs} counts from creation: the task is kept at least that long
	 * (exact once it has finished, since the docket keeps a task for its ttl after
	 * finishing).
	 */
	Map<String, Object> detail(TaskInfo task, boolean withOutcome) {
		TaskError error = task.error();
		boolean toolError = task.status() == TaskStatus.FAILED && error == null;
		Instant keptFrom = (task.finishedAt() != null) ? task.finishedAt() : task.updatedAt();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("taskId", task.id());
		detail.put("status", toolError ? TaskStatus.COMPLETED.wireName() : task.status().wireName());
		if (task.statusMessage() != null) {
			detail.put("statusMessage", task.statusMessage());
		}
		detail.put("createdAt", task.createdAt().toString());
		detail.put("lastUpdatedAt", task.updatedAt().toString());
		detail.put("ttlMs", Duration.between(task.createdAt(), keptFrom).plus(task.ttl()).toMillis());
		detail.put("pollIntervalMs", this.settings.pollInterval().toMillis());
		if (withOutcome) {
			if (error != null && task.status() == TaskStatus.FAILED) {
				Map<String, Object> wireError = new LinkedHashMap<>();
				wireError.put("code", error.code());
				wireError.put("message", error.message());
				if (error.data() != null) {
					wireError.put("data", error.data());
				}
				detail.put("error", wireError);
			}
			else if (task.status() == TaskStatus.COMPLETED || toolError) {
				detail.put("result", completeResult(task.result()));
			}
			else if (task.status() == TaskStatus.INPUT_REQUIRED && !task.input().requests().isEmpty()) {
				detail.put("inputRequests", task.input().requests());
			}
		}
		return detail;
	}

	/**
	 * The {@code CallToolResult} of a finished task as 2026-07-28 has it: a {@code Result},
	 * so with {@code resultType: "complete"} (clients such as
	 * {@code @modelcontextprotocol/ext-tasks} reject it without).
	 */
	private static ObjectNode completeResult(@Nullable JsonNode stored) {
		ObjectNode result = McpJson.mapper().createObjectNode();
		if (stored instanceof ObjectNode object) {
			result.setAll(object);
		}
		else {
			result.putArray("content");
		}
		return result.put("resultType", "complete");
	}

	/**
	 * Delivers the answers of {@code tasks/update} (2026-07-28 only) to a task the caller
	 * may see, and acknowledges once they are stored: the task resumes when every request
	 * it waits for is answered. Answers to keys it does not wait for are ignored.
	 */
	private Object update(ObjectNode params, McpContext context) {
		if (!ExchangeMcpContext.exchangeOf(context).isStateless()) {
			throw McpException.methodNotFound("Method not found: tasks/update");
		}
		JsonNode responses = params.get("inputResponses");
		if (responses != null && !responses.isNull() && !responses.isObject()) {
			throw McpException.invalidParams("\"inputResponses\" must be an object");
		}
		TaskInfo task = find(params, context);
		if (responses != null && !responses.isEmpty()) {
			Map<String, JsonNode> answers = new LinkedHashMap<>();
			responses.properties().forEach((entry) -> answers.put(entry.getKey(), entry.getValue()));
			try {
				this.docket.answer(task.id(), answers);
			}
			catch (TaskRefusedException ex) {
				throw McpException.invalidParams(ex.getMessage());
			}
		}
		return Map.of();
	}

	private Object cancel(ObjectNode params, McpContext context) {
		TaskInfo task = find(params, context);
		if (ExchangeMcpContext.exchangeOf(context).isStateless()) {
			this.docket.cancel(task.id(), "The task was cancelled by request.");
			return Map.of();
		}
		Optional<TaskInfo> cancelled = this.docket.cancel(task.id(), "The task was cancelled by request.");
		return describe(cancelled.orElseThrow(() -> McpException
			.invalidParams("Task " + task.id() + " has already finished and cannot be cancelled")));
	}

	private TaskInfo find(ObjectNode params, McpContext context) {
		JsonNode taskId = params.get("taskId");
		if (taskId == null || !taskId.isString()) {
			throw McpException.invalidParams("A \"taskId\" string is required");
		}
		McpExchange exchange = ExchangeMcpContext.exchangeOf(context);
		String owner = exchange.owner();
		Predicate<TaskInfo> visible = exchange.isStateless()
				? (task) -> task.function().startsWith(TOOL_FUNCTION_PREFIX) && Objects.equals(owner, task.owner())
				: (task) -> owner != null && owner.equals(task.owner());
		return this.docket.get(taskId.stringValue()).filter(visible).orElseThrow(() -> unknown(taskId.stringValue()));
	}

	private static McpException unknown(String taskId) {
		return McpException.invalidParams("Unknown task: " + taskId);
	}

	/**
	 * How MCP tasks are offered.
	 *
	 * @param defaultTtl the ttl of tasks whose request names none
	 * @param maxTtl the longest ttl granted
	 * @param pollInterval the polling interval suggested to clients
	 * @param pageSize the maximum number of tasks per {@code tasks/list} page
	 * @param optionalAsTask whether a 2026-07-28 call of an {@code optional} tool by a
	 * client that declared the tasks extension runs as a task (otherwise inline)
	 */
	public record Settings(Duration defaultTtl, Duration maxTtl, Duration pollInterval, int pageSize,
			boolean optionalAsTask) {
	}

}
