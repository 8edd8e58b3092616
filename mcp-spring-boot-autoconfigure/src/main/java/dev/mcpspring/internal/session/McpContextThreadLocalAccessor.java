package dev.mcpspring.internal.session;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.McpContext;
import io.micrometer.context.ThreadLocalAccessor;

/**
 * Propagates the {@link McpContext} with Micrometer context-propagation, so that work
 * submitted to an executor decorated with Spring's {@code ContextPropagatingTaskDecorator}
 * sees the context of the submitting thread. Registered through
 * {@code META-INF/services}.
 */
public class McpContextThreadLocalAccessor implements ThreadLocalAccessor<McpContext> {

	/** The key under which the context is captured. */
	public static final String KEY = "mcp.context";

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public @Nullable McpContext getValue() {
		return McpContextHolder.get();
	}

	@Override
	public void setValue(McpContext value) {
		McpContextHolder.set(value);
	}

	@Override
	public void setValue() {
		McpContextHolder.clear();
	}

}
