package dev.mcpspring.internal.session;

import java.security.Principal;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.LoggingLevel;
import dev.mcpspring.internal.wire.JsonRpcNotification;
import dev.mcpspring.internal.wire.ProgressParams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One request being handled, as the server sees it: where it came from, how to send
 * messages related to it, and whether it was cancelled. Transports and the task worker
 * provide implementations; tools see it through {@link dev.mcpspring.McpContext}.
 */
public abstract class McpExchange {

	private final Object lock = new Object();

	private volatile boolean cancelled;

	private @Nullable Thread runner;

	private @Nullable Runnable cancelAction;

	private volatile @Nullable InputRound inputRound;

	/**
	 * Returns the session the request belongs to.
	 * @return the session, or {@code null} when there is none
	 */
	public abstract @Nullable McpSession session();

	/**
	 * Returns the id of the session whose client answers this exchange's requests to the
	 * client.
	 * @return the session id, or {@code null} when there is none
	 */
	public @Nullable String clientSessionId() {
		McpSession session = session();
		return (session != null) ? session.id() : null;
	}

	/**
	 * Returns the protocol version of this request.
	 * @return the version
	 */
	public abstract String protocolVersion();

	/**
	 * Returns the id of the request.
	 * @return the id, or {@code null} when the exchange is not a client request
	 */
	public abstract @Nullable JsonNode requestId();

	/**
	 * Returns the progress token the client sent in {@code _meta.progressToken}.
	 * @return the token, or {@code null}
	 */
	public abstract @Nullable JsonNode progressToken();

	/**
	 * Returns the authenticated principal of the caller.
	 * @return the principal, or {@code null} when the caller is anonymous
	 */
	public abstract @Nullable Principal principal();

	/**
	 * Sends a notification or request related to this exchange to the client.
	 * @param message the message
	 */
	public abstract void send(JsonRpcNotification message);

	/**
	 * Closes the connection carrying this exchange's messages while the exchange goes
	 * on; the client resumes the stream and receives the rest. Does nothing where there
	 * is no such connection.
	 */
	public void closeStream() {
	}

	/**
	 * Told when the exchange starts and stops waiting for the client's answer to a
	 * request (a background task shows {@code input_required} meanwhile).
	 * @param waiting whether it is waiting
	 */
	public void awaitingClient(boolean waiting) {
	}

	/**
	 * Returns the value of a request header: of the HTTP request, or, in a background
	 * task, one of the headers propagated from the submitting request.
	 * @param name the header name
	 * @return the value, or {@code null}
	 */
	public @Nullable String header(String name) {
		return null;
	}

	/**
	 * Returns who owns tasks created by this exchange: the authenticated principal when
	 * there is one, otherwise the session.
	 * @return the owner key, or {@code null} when the caller is anonymous and has no
	 * session
	 */
	public @Nullable String owner() {
		Principal principal = principal();
		if (principal != null) {
			return ownerOf(principal);
		}
		McpSession session = session();
		return (session != null) ? "session:" + session.id() : null;
	}

	/**
	 * Returns the owner key of tasks an authenticated principal creates.
	 * @param principal the principal
	 * @return the owner key
	 */
	public static String ownerOf(Principal principal) {
		return "principal:" + principal.getName();
	}

	/**
	 * Returns whether the client declared a capability: on {@code initialize} for a
	 * session, in the request's {@code _meta} for a stateless request.
	 * @param capability the capability name, such as {@code sampling}
	 * @return whether it was declared
	 */
	public boolean hasClientCapability(String capability) {
		return clientCapabilities().has(capability);
	}

	/**
	 * Returns whether the client declared an extension in the capabilities of a
	 * stateless request ({@code extensions}); sessions of the 2025 revisions declare none.
	 * @param extension the extension identifier, such as
	 * {@code io.modelcontextprotocol/tasks}
	 * @return whether it was declared
	 */
	public boolean hasClientExtension(String extension) {
		return isStateless() && clientCapabilities().path("extensions").has(extension);
	}

	/**
	 * Returns the capabilities the client declared: on {@code initialize} for a session,
	 * in the request's {@code _meta} for a stateless request.
	 * @return the capabilities, {@code {}} when none
	 */
	public JsonNode clientCapabilities() {
		McpSession session = session();
		JsonNode capabilities = (session != null) ? session.clientCapabilities() : null;
		return (capabilities != null && capabilities.isObject()) ? capabilities
				: JsonNodeFactory.instance.objectNode();
	}

	/**
	 * Returns the answers a stateless request brings to input-required rounds.
	 * @return the round, or {@code null} when the request cannot ask for input
	 */
	public @Nullable InputRound inputRound() {
		return this.inputRound;
	}

	/**
	 * Lets a stateless request ask for input, with the answers it brings.
	 * @param round the round
	 */
	public void inputRound(InputRound round) {
		this.inputRound = round;
	}

	/**
	 * Returns whether the request is stateless (protocol 2026-07-28): it carries in its
	 * own params what a session holds in the 2025 revisions, and the server cannot send
	 * the client requests on its stream.
	 * @return whether the request is stateless
	 */
	public boolean isStateless() {
		return false;
	}

	/**
	 * Returns the log level a stateless request asked for in its {@code _meta}.
	 * @return the least severe level to send, or {@code null} for no log messages (or
	 * when the exchange is not stateless)
	 */
	public @Nullable LoggingLevel requestLogLevel() {
		return null;
	}

	/**
	 * Returns the id of the background task this exchange runs.
	 * @return the task id, or {@code null} when the exchange is not a task
	 */
	public @Nullable String taskId() {
		return null;
	}

	/**
	 * Reports progress: sends {@code notifications/progress} when the client asked for
	 * it with a progress token.
	 * @param progress the progress so far
	 * @param total the total, or {@code null} when unknown
	 * @param message a human-readable message, or {@code null}
	 */
	public void progress(double progress, @Nullable Double total, @Nullable String message) {
		JsonNode token = progressToken();
		if (token != null) {
			send(JsonRpcNotification.of("notifications/progress", new ProgressParams(token, progress, total, message)));
		}
	}

	public boolean isCancelled() {
		return this.cancelled;
	}

	/**
	 * Cancels the exchange: sets the flag the handler reads, interrupts the thread
	 * running it, and runs the action registered with {@link #onCancel(Runnable)}.
	 */
	public void cancel() {
		Runnable action;
		synchronized (this.lock) {
			if (this.cancelled) {
				return;
			}
			this.cancelled = true;
			if (this.runner != null) {
				this.runner.interrupt();
			}
			action = this.cancelAction;
		}
		if (action != null) {
			action.run();
		}
	}

	/**
	 * Registers what cancels work that waits without a thread (a pending result): run
	 * once on {@link #cancel()}, at once when the exchange is cancelled already.
	 * @param action the action
	 */
	public void onCancel(Runnable action) {
		synchronized (this.lock) {
			if (!this.cancelled) {
				this.cancelAction = action;
				return;
			}
		}
		action.run();
	}

	/**
	 * Runs work on the current thread so that {@link #cancel()} interrupts it. The
	 * interrupt status is cleared afterwards, so the thread can be reused safely.
	 * @param <T> the result type
	 * @param work the work
	 * @return the result of the work
	 * @throws Exception whatever the work throws
	 */
	public <T> T runCancellable(Callable<T> work) throws Exception {
		synchronized (this.lock) {
			if (this.cancelled) {
				throw new CancellationException("The request was cancelled");
			}
			this.runner = Thread.currentThread();
		}
		try {
			return work.call();
		}
		finally {
			synchronized (this.lock) {
				this.runner = null;
				Thread.interrupted();
			}
		}
	}

}
