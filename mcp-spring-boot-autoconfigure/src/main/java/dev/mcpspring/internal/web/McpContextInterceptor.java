package dev.mcpspring.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.AsyncHandlerInterceptor;

import dev.mcpspring.McpContext;
import dev.mcpspring.internal.protocol.McpServer;
import dev.mcpspring.internal.session.ExchangeMcpContext;
import dev.mcpspring.internal.session.McpContextHolder;
import dev.mcpspring.tasks.Docket;

/**
 * Builds the {@link McpContext} of every request to the MCP endpoint from the server and
 * docket beans and binds it to the handling thread; clears it when the request completes, or
 * when it goes asynchronous (and again after the asynchronous dispatch). Nothing is
 * taken from the thread that started the application.
 */
public class McpContextInterceptor implements AsyncHandlerInterceptor {

	private final McpServer server;

	private final @Nullable Docket docket;

	/**
	 * Creates the interceptor.
	 * @param server the server bean
	 * @param docket the docket bean, or {@code null} when tasks are off
	 */
	public McpContextInterceptor(McpServer server, @Nullable Docket docket) {
		this.server = server;
		this.docket = docket;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		McpContextHolder.set(new ExchangeMcpContext(this.server.clientRequests(), this.docket,
				this.server.backgroundTasks().orElse(null)));
		return true;
	}

	@Override
	public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response,
			Object handler) {
		McpContextHolder.clear();
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		McpContextHolder.clear();
	}

}
