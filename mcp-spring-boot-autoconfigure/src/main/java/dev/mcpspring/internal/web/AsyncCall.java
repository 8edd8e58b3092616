package dev.mcpspring.internal.web;

import java.io.IOException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import dev.mcpspring.McpContext;
import dev.mcpspring.internal.protocol.McpServer;
import dev.mcpspring.internal.session.McpContextHolder;
import dev.mcpspring.internal.wire.JsonRpcError;
import dev.mcpspring.internal.wire.JsonRpcResponse;
import tools.jackson.databind.node.ObjectNode;

/**
 * One MCP request handled asynchronously: run on the calls' executor with its
 * {@link McpContext} and the caller's security context bound, answered when the handler
 * returns or when the stage it returned completes, and released (slot and async
 * context) exactly once. When the client goes away, a wait ({@code tasks/result}) and a
 * stateless request (whose stream nobody can resume) are cancelled; other calls run on,
 * their messages kept for resumption. An answer ready on
 * another thread than the call's own (the docket's event of a task's end, shutdown) is
 * written on the calls' executor, and an SSE response is written without blocking, so
 * that a client that stops reading never blocks a thread that serves others.
 */
final class AsyncCall implements Runnable, AsyncListener {

	private final McpAsyncCalls calls;

	private final McpServer server;

	private final String method;

	private final ObjectNode params;

	private final McpContext context;

	private final PostExchange exchange;

	private final AsyncContext asyncContext;

	private final @Nullable Object securityContext;

	private final AtomicBoolean finished = new AtomicBoolean();

	private final long started = System.nanoTime();

	private volatile @Nullable Thread runner;

	AsyncCall(McpAsyncCalls calls, McpServer server, String method, ObjectNode params, McpContext context,
			PostExchange exchange, AsyncContext asyncContext) {
		this.calls = calls;
		this.server = server;
		this.method = method;
		this.params = params;
		this.context = context;
		this.exchange = exchange;
		this.asyncContext = asyncContext;
		this.securityContext = SecurityContextCarrier.capture();
		exchange.stream().async(asyncContext);
	}

	String callerKey() {
		return this.exchange.callerKey();
	}

	/**
	 * Returns whether the call only waits for something else (a task) to finish.
	 * @return whether it is a wait
	 */
	boolean isWait() {
		return "tasks/result".equals(this.method);
	}

	@Override
	public void run() {
		McpContextHolder.set(this.context);
		SecurityContextCarrier.bind(this.securityContext);
		this.runner = Thread.currentThread();
		try {
			Object result = this.server.handleRequest(this.method, this.params, this.context);
			if (result instanceof CompletionStage<?> stage) {
				stage.whenComplete((value, failure) -> finish(value, failure, null));
			}
			else {
				finish(result, null, null);
			}
		}
		catch (Throwable ex) {
			finish(null, ex, null);
		}
		finally {
			this.runner = null;
			SecurityContextCarrier.clear(this.securityContext);
			McpContextHolder.clear();
		}
	}

	/**
	 * Answers the call, once: with an error when one is given, otherwise with the result
	 * or failure of the handler; then completes the async request (unless its SSE
	 * connection does so once drained) and gives back the slot. Called from another
	 * thread than the call's own, the answer is written on the calls' executor.
	 * @param result the handler's result
	 * @param failure the handler's failure
	 * @param error the error to answer with instead, or {@code null}
	 */
	void finish(@Nullable Object result, @Nullable Throwable failure, @Nullable JsonRpcError error) {
		if (!this.finished.compareAndSet(false, true)) {
			return;
		}
		if (Thread.currentThread() == this.runner || !this.calls.execute(() -> answer(result, failure, error))) {
			answer(result, failure, error);
		}
	}

	private void answer(@Nullable Object result, @Nullable Throwable failure, @Nullable JsonRpcError error) {
		try {
			if (error != null) {
				this.exchange.stream().complete(JsonRpcResponse.error(this.exchange.requestId(), error));
			}
			else if (failure != null) {
				McpHttpEndpoint.answerFailure(this.method, this.exchange, failure);
			}
			else {
				Assert.state(result != null, "A request handler returned no result");
				this.exchange.stream().complete(JsonRpcResponse.result(this.exchange.requestId(), result));
			}
		}
		catch (IOException | RuntimeException ex) {
			// the client has gone
		}
		finally {
			if (!this.exchange.stream().completesRequest()) {
				complete();
			}
			this.calls.finished(this);
		}
	}

	/**
	 * Cancels the call's work: sets the flag and interrupts the thread running it.
	 */
	void cancel() {
		this.exchange.cancel();
	}

	/**
	 * Returns whether losing the client ends the call: a wait, or a stateless request,
	 * whose stream nobody can resume.
	 */
	private boolean endsWithClient() {
		return isWait() || this.exchange.isStateless();
	}

	/**
	 * Checks that the client of a wait or a stateless request is still there, cancelling
	 * the call when it is not.
	 * @param minimumAgeNanos how long the call must have waited to be checked
	 */
	void keepAlive(long minimumAgeNanos) {
		if (endsWithClient() && !this.finished.get() && System.nanoTime() - this.started >= minimumAgeNanos
				&& !this.exchange.stream().keepAlive()) {
			connectionLost();
		}
	}

	private void connectionLost() {
		this.exchange.stream().connectionLost();
		if (endsWithClient()) {
			this.exchange.cancel();
		}
		complete();
	}

	private void complete() {
		try {
			this.asyncContext.complete();
		}
		catch (IllegalStateException ex) {
			// completed by the container already (client gone)
		}
	}

	@Override
	public void onComplete(AsyncEvent event) {
		this.exchange.stream().connectionLost();
	}

	@Override
	public void onTimeout(AsyncEvent event) {
		connectionLost();
	}

	@Override
	public void onError(AsyncEvent event) {
		connectionLost();
	}

	@Override
	public void onStartAsync(AsyncEvent event) {
	}

}
