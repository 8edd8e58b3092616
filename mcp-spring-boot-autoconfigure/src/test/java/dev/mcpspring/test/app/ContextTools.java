package dev.mcpspring.test.app;

import java.security.Principal;
import java.util.concurrent.CompletableFuture;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.stereotype.Component;

import dev.mcpspring.McpContext;
import dev.mcpspring.McpTool;
import dev.mcpspring.McpToolParam;
import dev.mcpspring.internal.session.ExchangeMcpContext;

/**
 * Tools that look at their {@link McpContext}: as a parameter, through
 * {@link McpContext#current()}, on an executor thread with and without Spring's
 * {@link ContextPropagatingTaskDecorator}. Each reports the thread it looked from,
 * and whether that thread is virtual.
 */
@Component
public class ContextTools {

	private final SimpleAsyncTaskExecutor propagating = new SimpleAsyncTaskExecutor("mcp-propagating-");

	private final SimpleAsyncTaskExecutor plain = new SimpleAsyncTaskExecutor("mcp-plain-");

	public ContextTools() {
		this.propagating.setTaskDecorator(new ContextPropagatingTaskDecorator());
	}

	@McpTool(name = "context_parameter", description = "Reports the context passed as a parameter")
	public ContextReport contextParameter(@McpToolParam(description = "Any label") String label,
			McpContext context) {
		return report(context);
	}

	@McpTool(name = "context_current", description = "Reports McpContext.current()")
	public ContextReport contextCurrent() {
		return report(McpContext.current());
	}

	@McpTool(name = "context_propagated",
			description = "Reports McpContext.current() on an executor decorated with ContextPropagatingTaskDecorator")
	public CompletableFuture<ContextReport> contextPropagated() {
		return CompletableFuture.supplyAsync(() -> report(McpContext.current()), this.propagating);
	}

	@McpTool(name = "context_unpropagated",
			description = "Calls McpContext.current() on a thread that has no context and reports what happened")
	public CompletableFuture<String> contextUnpropagated() {
		return CompletableFuture.supplyAsync(() -> {
			try {
				McpContext.current();
				return "context found";
			}
			catch (IllegalStateException ex) {
				return ex.getClass().getSimpleName() + ": " + ex.getMessage();
			}
		}, this.plain);
	}

	private static ContextReport report(McpContext context) {
		Principal principal = context.principal();
		return new ContextReport(context.sessionId(),
				context.protocolVersion(), ExchangeMcpContext.exchangeOf(context).requestId().toString(),
				(principal != null) ? principal.getName() : null, Thread.currentThread().getName(),
				isVirtual(Thread.currentThread()));
	}

	/**
	 * Returns whether a thread is virtual, on any Java version (the tests compile for
	 * Java 17, where {@code Thread.isVirtual()} does not exist).
	 * @param thread the thread
	 * @return whether it is virtual
	 */
	static boolean isVirtual(Thread thread) {
		try {
			return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

}
