package dev.mcpspring.internal.session;

import dev.mcpspring.McpContext;

/**
 * Binds the {@link McpContext} to the thread handling an MCP request or task.
 * Set and cleared by the MCP {@code HandlerInterceptor} and by the worker, in
 * try/finally fashion; application code only reads it through
 * {@link McpContext#current()}.
 */
public final class McpContextHolder {

	private static final ThreadLocal<McpContext> CONTEXT = new ThreadLocal<>();

	private McpContextHolder() {
	}

	public static McpContext get() {
		return CONTEXT.get();
	}

	public static void set(McpContext context) {
		CONTEXT.set(context);
	}

	public static void clear() {
		CONTEXT.remove();
	}

}
