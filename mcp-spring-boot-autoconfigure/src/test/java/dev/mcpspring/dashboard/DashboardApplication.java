package dev.mcpspring.dashboard;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.stereotype.Component;

import dev.mcpspring.McpContext;
import dev.mcpspring.McpTool;
import dev.mcpspring.internal.docket.TaskFunctionRegistry;
import dev.mcpspring.tasks.TaskResult;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * An application with the task dashboard, a task tool {@code hostile_progress} and two
 * task functions: {@code slow} reports progress (with a hostile status message) until
 * cancelled, {@code flaky} fails its first run and completes the next. With the {@code secured} profile, Spring Security
 * guards it ({@link DashboardSecurity}). {@code .ci/run browser} starts it from the test
 * classpath with {@code --spring.profiles.active=secured --server.port=<port>}.
 */
@SpringBootApplication
public class DashboardApplication {

	public static void main(String[] args) {
		new SpringApplicationBuilder(DashboardApplication.class).properties("mcp.dashboard.enabled=true").run(args);
	}

	/** A status message that would run script if rendered as HTML. */
	static final String HOSTILE_MESSAGE = "<img src=x onerror=alert(1)><script>alert(2)</script>";

	@Component
	static class Functions {

		private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

		Functions(TaskFunctionRegistry functions) {
			functions.register("slow", (task, execution) -> {
				for (int step = 1; !execution.isCancelled(); step++) {
					execution.progress((double) step, null, HOSTILE_MESSAGE);
					Thread.sleep(100);
				}
				return TaskResult.completed(JsonNodeFactory.instance.textNode("stopped"));
			});
			functions.register("flaky", (task, execution) -> this.failedOnce.add(task.id())
					? TaskResult.error("failed on purpose", false)
					: TaskResult.completed(JsonNodeFactory.instance.textNode("done")));
		}

	}

	@Component
	static class Tools {

		@McpTool(name = "echo", description = "Echoes the text back")
		public String echo(String text) {
			return text;
		}

		@McpTool(name = "hostile_progress", description = "Reports progress with a hostile message until cancelled",
				task = McpTool.Task.REQUIRED)
		public String hostileProgress(McpContext context) throws InterruptedException {
			for (int step = 1; step <= 1200; step++) {
				context.throwIfCancelled();
				context.progress(step, 1200.0, HOSTILE_MESSAGE);
				Thread.sleep(100);
			}
			return "done";
		}

	}

}
