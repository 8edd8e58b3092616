package dev.mcpspring.scaleout;

import java.time.Duration;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import dev.mcpspring.InputRequests;
import dev.mcpspring.InputResponses;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpTool;
import dev.mcpspring.McpToolParam;
import dev.mcpspring.internal.docket.TaskFunctionRegistry;
import dev.mcpspring.tasks.TaskExecution;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskResult;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tools and task function of a scale-out node. Each run says which process runs it,
 * and each completed run is recorded in Redis, so that tests can tell where a task ran
 * and how often it completed.
 */
@Component
public class ScaleOutTools {

	/** The function of {@link #sleepy}. */
	public static final String SLEEPY = "sleepy";

	private static final long PID = ProcessHandle.current().pid();

	private final StringRedisTemplate redis;

	private final String docket;

	ScaleOutTools(StringRedisTemplate redis, TaskFunctionRegistry functions,
			org.springframework.core.env.Environment environment) {
		this.redis = redis;
		this.docket = environment.getProperty("mcp.docket.name", "mcp");
		functions.register(SLEEPY, this::sleepy);
	}

	/**
	 * Returns the Redis key of the list of processes that completed a task.
	 * @param docket the docket name
	 * @param taskId the task id
	 * @return the key
	 */
	public static String runsKey(String docket, String taskId) {
		return docket + ":test-runs:" + taskId;
	}

	@McpTool(name = "slow", description = "Works in steps, reporting progress; says which process ran it",
			task = McpTool.Task.OPTIONAL)
	public String slow(@McpToolParam(description = "Number of steps") int steps,
			@McpToolParam(name = "delay_ms", description = "Milliseconds per step") int delayMs, McpContext context)
			throws InterruptedException {
		for (int i = 1; i <= steps; i++) {
			Thread.sleep(delayMs);
			context.throwIfCancelled();
			context.progress(i, (double) steps, "step " + i + " on pid " + PID);
		}
		if (context.taskId() != null) {
			this.redis.opsForList().rightPush(runsKey(this.docket, context.taskId()), Long.toString(PID));
		}
		return "done by pid " + PID;
	}

	/**
	 * Returns the Redis key that opens a gate of {@link #gated}.
	 * @param docket the docket name
	 * @param gate the gate name
	 * @return the key
	 */
	public static String gateKey(String docket, String gate) {
		return docket + ":test-gate:" + gate;
	}

	@McpTool(name = "gated", description = "Waits until its gate opens (at most 30 seconds)",
			task = McpTool.Task.OPTIONAL)
	public String gated(@McpToolParam(description = "Gate name") String gate) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!Boolean.TRUE.equals(this.redis.hasKey(gateKey(this.docket, gate)))) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("gate " + gate + " never opened");
			}
			Thread.sleep(50);
		}
		return "passed " + gate + " on pid " + PID;
	}

	@McpTool(name = "block", description = "Blocks until cancelled (at most 30 seconds)")
	public String block(McpContext context) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			if (context.isCancelled()) {
				this.redis.opsForValue().set(this.docket + ":test-cancelled", Long.toString(PID));
				return "cancelled";
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return "not cancelled";
	}

	/**
	 * A task function: sleeps {@code ms} milliseconds in small steps, saying first which
	 * process runs it; stops when cancelled or released.
	 */
	private TaskResult sleepy(TaskInfo task, TaskExecution execution) throws InterruptedException {
		long ms = task.arguments().path("ms").asLong(100);
		execution.progress(0.0, null, "running on pid " + PID);
		long deadline = System.nanoTime() + Duration.ofMillis(ms).toNanos();
		while (System.nanoTime() < deadline) {
			if (execution.isCancelled()) {
				throw new InterruptedException("stopped");
			}
			Thread.sleep(Math.min(20, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
		}
		this.redis.opsForList().rightPush(runsKey(this.docket, task.id()), Long.toString(PID));
		ObjectNode result = JsonNodeFactory.instance.objectNode().put("pid", PID);
		return TaskResult.completed(result);
	}

	@McpTool(name = "ask_name_later", description = "Asks the user's name, also as a task; greets them from this process",
			task = McpTool.Task.OPTIONAL)
	public String askNameLater(McpContext context) {
		return askName(context);
	}

	@McpTool(name = "ask_model", description = "Asks the client's model, then says what it said from this process")
	public String askModel(McpContext context) {
		ObjectNode params = JsonNodeFactory.instance.objectNode().put("maxTokens", 10);
		params.putArray("messages").addObject().put("role", "user").putObject("content").put("type", "text")
			.put("text", "Say a word");
		return "The model said " + context.sample(params).text() + " to pid " + PID;
	}

	@McpTool(name = "ask_name", description = "Asks the user's name, then greets them from this process")
	public String askName(McpContext context) {
		ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
		schema.putObject("properties").putObject("name").put("type", "string");
		String name = context.elicit("Your name?", schema).content().path("name").asString();
		return "Hello " + name + " from pid " + PID;
	}

	@McpTool(name = "confirm_both", description = "Asks two confirmations at once, works a while with them, "
			+ "then answers with them and the process that ran it", task = McpTool.Task.REQUIRED)
	public String confirmBoth(@McpToolParam(name = "work_ms", description = "Milliseconds of work after the "
			+ "answers") int workMs, McpContext context) throws InterruptedException {
		ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
		schema.putObject("properties").putObject("value").put("type", "string");
		InputResponses answers = context.input(InputRequests.create()
			.elicit("first", "First confirmation?", schema)
			.elicit("second", "Second confirmation?", schema));
		String first = answers.elicitResult("first").content().path("value").asString();
		String second = answers.elicitResult("second").content().path("value").asString();
		context.progress(0, null, "answered on pid " + PID);
		long deadline = System.nanoTime() + Duration.ofMillis(workMs).toNanos();
		while (System.nanoTime() < deadline) {
			context.throwIfCancelled();
			Thread.sleep(20);
		}
		this.redis.opsForList().rightPush(runsKey(this.docket, context.taskId()), Long.toString(PID));
		return "confirmed " + first + " and " + second + " on pid " + PID;
	}

}
