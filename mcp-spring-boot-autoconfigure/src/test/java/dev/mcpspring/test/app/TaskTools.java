package dev.mcpspring.test.app;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import dev.mcpspring.ElicitResult;
import dev.mcpspring.InputRequests;
import dev.mcpspring.InputResponses;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpException;
import dev.mcpspring.McpTool;
import dev.mcpspring.internal.wire.ErrorCodes;
import dev.mcpspring.tasks.DocketTask;
import dev.mcpspring.tasks.TaskInfo;

/**
 * Tools that run as tasks, and a background function, with hooks tests use to hold a
 * task at a gate and to see what ran in the background.
 */
@Component
public class TaskTools {

	/** The longest a gated or blocking task waits. */
	public static final Duration LIMIT = Duration.ofSeconds(20);

	private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();

	private final Map<String, String> observed = new ConcurrentHashMap<>();

	/**
	 * Opens a gate, letting the task waiting at it finish.
	 * @param gate the gate name
	 */
	public void open(String gate) {
		gate(gate).countDown();
	}

	/**
	 * Returns what tasks recorded, by key.
	 * @return the observations
	 */
	public Map<String, String> observed() {
		return this.observed;
	}

	@McpTool(name = "gated_task", description = "Reports progress, then waits at a gate", task = McpTool.Task.OPTIONAL)
	public String gatedTask(String gate, McpContext context) throws InterruptedException {
		context.progress(1, 2.0, "waiting at " + gate);
		if (!gate(gate).await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException("gate " + gate + " never opened");
		}
		return "passed " + gate;
	}

	@McpTool(name = "task_only", description = "Must run as a task", task = McpTool.Task.REQUIRED)
	public String taskOnly() {
		return "ran as a task";
	}

	@McpTool(name = "task_record", description = "Returns a record", task = McpTool.Task.OPTIONAL)
	public Total taskRecord(int a, int b) {
		return new Total(a + b, "sum");
	}

	@McpTool(name = "task_fail", description = "Fails with a tool error", task = McpTool.Task.OPTIONAL)
	public String taskFail() {
		throw new IllegalStateException("task_fail failed");
	}

	@McpTool(name = "task_rpc_error", description = "Fails with a JSON-RPC error", task = McpTool.Task.OPTIONAL)
	public String taskRpcError() {
		throw new McpException(ErrorCodes.INVALID_PARAMS, "task_rpc_error rejected its arguments");
	}

	@McpTool(name = "task_steps", description = "Reports progress for each step", task = McpTool.Task.OPTIONAL)
	public String taskSteps(int steps, McpContext context) throws InterruptedException {
		for (int i = 1; i <= steps; i++) {
			Thread.sleep(20);
			context.progress(i, (double) steps, "step " + i);
		}
		return "stepped " + steps;
	}

	@McpTool(name = "task_block", description = "Blocks until cancelled", task = McpTool.Task.OPTIONAL)
	public String taskBlock(String key, McpContext context) {
		this.observed.put(key, "started");
		try {
			Thread.sleep(LIMIT.toMillis());
			this.observed.put(key, "not cancelled");
		}
		catch (InterruptedException ex) {
			this.observed.put(key, "interrupted cancelled=" + context.isCancelled());
		}
		return "blocked";
	}

	@McpTool(name = "task_context", description = "Describes its context", task = McpTool.Task.OPTIONAL)
	public ContextSeen taskContext(McpContext context) {
		McpContext current = McpContext.current();
		return new ContextSeen(current.isBackground(), current.taskId(), current.header("X-Tenant"),
				(current.principal() != null) ? current.principal().getName() : null, current.sessionId() != null,
				current == context);
	}

	@McpTool(name = "task_elicit", description = "Asks the user a question", task = McpTool.Task.OPTIONAL)
	public String taskElicit(McpContext context) {
		ElicitResult answer = context.elicit("Which region?", Region.class);
		return answer.action() + ":" + ((answer.content() != null) ? answer.content(Region.class).name() : "");
	}

	@McpTool(name = "task_two_at_once", description = "Asks two questions at once", task = McpTool.Task.OPTIONAL)
	public String taskTwoAtOnce(McpContext context) {
		InputResponses answers = context.input(InputRequests.create()
			.elicit("region", "Which region?", Region.class)
			.elicit("month", "Which month?", Region.class));
		return answers.elicitResult("region").content(Region.class).name() + "/"
				+ answers.elicitResult("month").content(Region.class).name();
	}

	@McpTool(name = "task_two_questions", description = "Asks one question, then another", task = McpTool.Task.OPTIONAL)
	public String taskTwoQuestions(String key, McpContext context) {
		this.observed.merge(key, "run", (runs, run) -> runs + "," + run);
		String first = context.elicit("Which region?", Region.class).content(Region.class).name();
		String second = context.elicit("Which month?", Region.class).content(Region.class).name();
		return first + " then " + second;
	}

	@McpTool(name = "task_asks_first", description = "Asks on the call, then runs as a task",
			task = McpTool.Task.REQUIRED, inputBeforeTask = true)
	public String taskAsksFirst(McpContext context) {
		Region region = context.elicit("Which region?", Region.class).content(Region.class);
		return ((region != null) ? region.name() : "none") + " in task " + context.taskId();
	}

	@McpTool(name = "submit_render", description = "Leaves the rendering of a report to a background function")
	public String submitRender(String report, McpContext context) {
		TaskInfo task = context.submit("render_report", Map.of("report", report));
		return task.id();
	}

	@DocketTask("render_report")
	public String renderReport(String report, McpContext context) {
		this.observed.put("render:" + report, "background=" + context.isBackground() + " task=" + context.taskId()
				+ " tenant=" + context.header("X-Tenant"));
		return "rendered " + report;
	}

	private CountDownLatch gate(String name) {
		return this.gates.computeIfAbsent(name, (key) -> new CountDownLatch(1));
	}

	/**
	 * A sum.
	 *
	 * @param total the total
	 * @param label a label
	 */
	public record Total(int total, String label) {
	}

	/**
	 * What a task saw of its context.
	 *
	 * @param background whether it ran in the background
	 * @param taskId its task id
	 * @param tenant the propagated X-Tenant header
	 * @param principal the caller's name
	 * @param hasSession whether the submitter's session was found
	 * @param sameAsCurrent whether the parameter and {@code McpContext.current()} agree
	 */
	public record ContextSeen(boolean background, String taskId, String tenant, String principal, boolean hasSession,
			boolean sameAsCurrent) {
	}

	/**
	 * A form to elicit.
	 *
	 * @param name the region name
	 */
	public record Region(String name) {
	}

}
