package dev.mcpspring.conformance;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.mcpspring.CallToolResult;
import dev.mcpspring.ElicitResult;
import dev.mcpspring.InputRequests;
import dev.mcpspring.InputResponses;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpException;
import dev.mcpspring.McpTool;
import dev.mcpspring.McpToolParam;
import dev.mcpspring.internal.wire.ErrorCodes;

/**
 * The tools the conformance suite's {@code tasks-*} scenarios (the tasks extension of
 * 2026-07-28, {@code src/scenarios/server/tasks/}) call, as the reference server
 * ({@code examples/servers/typescript/everything-server.ts}) defines them.
 * {@code confirm_delete} and {@code multi_input} ask for input while they run as tasks;
 * {@code test_tool_with_task} asks on the call, before its task is created.
 */
@Component
public class ConformanceTaskTools {

	private static final long STEP_MILLIS = 50;

	private static final long FAILING_JOB_MILLIS = 1000;

	@McpTool(name = "greet", description = "Greets by name; never a task", task = McpTool.Task.FORBIDDEN)
	public String greet(@McpToolParam(description = "Who to greet") String name) {
		return "Hello, " + name + "!";
	}

	@McpTool(name = "slow_compute", description = "Works for some seconds, a task when the client supports tasks",
			task = McpTool.Task.OPTIONAL)
	public String slowCompute(@McpToolParam(description = "Seconds to work") double seconds,
			@McpToolParam(description = "A label for the result", required = false) @Nullable String label,
			McpContext context) throws InterruptedException {
		long deadline = System.nanoTime() + (long) (seconds * 1_000_000_000L);
		while (System.nanoTime() < deadline && !context.isCancelled()) {
			Thread.sleep(STEP_MILLIS);
		}
		return "Computed " + ((label != null) ? label : "result") + " in " + seconds + " seconds";
	}

	@McpTool(name = "failing_job", description = "Runs only as a task and ends with a tool error after a second",
			task = McpTool.Task.REQUIRED)
	public CallToolResult failingJob() throws InterruptedException {
		Thread.sleep(FAILING_JOB_MILLIS);
		return CallToolResult.error("The job failed");
	}

	@McpTool(name = "confirm_delete", description = "Deletes a file once the user confirms",
			task = McpTool.Task.OPTIONAL)
	public String confirmDelete(@McpToolParam(description = "The file to delete") String filename,
			McpContext context) {
		ElicitResult answer = context.elicit("Delete " + filename + "?", Confirmation.class);
		Confirmation confirmation = answer.content(Confirmation.class);
		return ((confirmation != null && confirmation.confirm()) ? "Deleted " : "Kept ") + filename;
	}

	@McpTool(name = "multi_input", description = "Asks two questions at once, then answers with both",
			task = McpTool.Task.OPTIONAL)
	public String multiInput(McpContext context) {
		InputResponses answers = context.input(InputRequests.create()
			.elicit("first", "First confirmation?", Confirmation.class)
			.elicit("second", "Second confirmation?", Confirmation.class));
		return "first: " + answers.elicitResult("first").action() + ", second: "
				+ answers.elicitResult("second").action();
	}

	@McpTool(name = "test_tool_with_task", description = "Asks the user's name on the call, then greets in a task",
			task = McpTool.Task.REQUIRED, inputBeforeTask = true)
	public String toolWithTask(McpContext context) {
		ElicitResult answer = context.input(InputRequests.create().elicit("user_name", "What is your name?", Name.class))
			.elicitResult("user_name");
		Name name = answer.content(Name.class);
		return "Hello, " + ((name != null) ? name.name() : "stranger") + ", from task " + context.taskId();
	}

	@McpTool(name = "protocol_error_job", description = "A task that fails with a JSON-RPC error",
			task = McpTool.Task.OPTIONAL)
	public String protocolErrorJob() {
		throw new McpException(ErrorCodes.INTERNAL_ERROR, "The job failed with a protocol error");
	}

	/**
	 * The answer {@code confirm_delete} asks for.
	 *
	 * @param confirm whether to delete
	 */
	record Confirmation(boolean confirm) {
	}

	/**
	 * The answer {@code test_tool_with_task} asks for.
	 *
	 * @param name the user's name
	 */
	record Name(String name) {
	}

}
