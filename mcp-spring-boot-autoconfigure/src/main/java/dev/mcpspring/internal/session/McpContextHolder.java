package dev.mcpspring.internal.session;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.McpContext;

/**
 * Binds the {@link McpContext} to the thread handling an MCP request or task.
 * Set and cleared by the MCP {@code HandlerInterceptor}, the endpoint and the worker, in
 * try/finally fashion; application code only reads it through
 * {@link McpContext#current()}.
 */
public final class McpContextHolder {

	private McpContextHolder() {
	}

	/**
	 * Returns the context bound to the current thread.
	 * @return the context, or {@code null}
	 */
	public static @Nullable McpContext get() {
		return McpContext.find().orElse(null);
	}

	/**
	 * Binds a context to the current thread.
	 * @param context the context, or {@code null} to unbind
	 */
	public static void set(@Nullable McpContext context) {
		ExchangeMcpContext.bindToThread(context);
	}

	/**
	 * Unbinds the context of the current thread.
	 */
	public static void clear() {
		ExchangeMcpContext.bindToThread(null);
	}

}
