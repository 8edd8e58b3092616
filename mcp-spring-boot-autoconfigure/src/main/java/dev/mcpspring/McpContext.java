package dev.mcpspring;

import java.security.Principal;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.tasks.Docket;
import dev.mcpspring.tasks.TaskInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an MCP tool sees of the request it serves: the session, progress reporting,
 * logging to the client, requests to the client, cancellation, and background tasks.
 * Declare a parameter of this type on an {@code @McpTool} method, or call
 * {@link #current()} on the thread handling the call.
 * <p>
 * The server builds a context for every request and for every background task run,
 * from the application's beans; it never depends on state captured at startup. The
 * server provides the implementation: applications use contexts, they do not create
 * them.
 */
public abstract class McpContext {

	private static final ThreadLocal<McpContext> CURRENT = new ThreadLocal<>();

	/**
	 * Creates a context; for the server's implementation.
	 */
	protected McpContext() {
	}

	/**
	 * Returns the context bound to the current thread.
	 * @return the context
	 * @throws IllegalStateException when the thread is not handling an MCP request or
	 * background task
	 */
	public static McpContext current() {
		McpContext context = CURRENT.get();
		if (context == null) {
			throw new IllegalStateException("No MCP context on this thread. McpContext.current() works while an "
					+ "MCP request or background task is being handled, on the thread handling it. On other threads, "
					+ "pass the McpContext along (declare it as a tool method parameter) or run them through an "
					+ "executor decorated with Spring's ContextPropagatingTaskDecorator.");
		}
		return context;
	}

	/**
	 * Returns the context bound to the current thread, if any.
	 * @return the context, or empty
	 */
	public static Optional<McpContext> find() {
		return Optional.ofNullable(CURRENT.get());
	}

	/**
	 * Binds a context to the current thread, or unbinds the bound one; for the server,
	 * which binds a context while it handles a request or runs a task.
	 * @param context the context, or {@code null} to unbind
	 */
	protected static void bind(@Nullable McpContext context) {
		if (context != null) {
			CURRENT.set(context);
		}
		else {
			CURRENT.remove();
		}
	}

	/**
	 * Returns the docket, to submit and follow background tasks.
	 * @return the docket
	 * @throws IllegalStateException when tasks are off ({@code mcp.tasks.enabled=false})
	 */
	public abstract Docket docket();

	/**
	 * Submits a {@link dev.mcpspring.tasks.DocketTask background function}, owned by the
	 * caller: the client can follow it with {@code tasks/get} and {@code tasks/result}.
	 * The session, the propagated headers and the security context travel with it.
	 * @param function the function name
	 * @param arguments the arguments, bound to the function's parameters by name
	 * @return the task
	 * @throws IllegalStateException when tasks are off
	 */
	public abstract TaskInfo submit(String function, Object arguments);

	/**
	 * Returns a header of the request: the HTTP request's, or, in a background task, one
	 * of the headers named in {@code mcp.tasks.propagated-headers}.
	 * @param name the header name
	 * @return the value, or {@code null}
	 */
	public abstract @Nullable String header(String name);

	/**
	 * Returns the id of the caller's MCP session.
	 * @return the session id, or {@code null} when the request has no session
	 */
	public abstract @Nullable String sessionId();

	/**
	 * Returns the protocol version the caller speaks.
	 * @return the version
	 */
	public abstract String protocolVersion();

	/**
	 * Returns the progress token of the request, when the client asked for progress.
	 * @return the token, or {@code null}
	 */
	public abstract @Nullable JsonNode progressToken();

	/**
	 * Returns the authenticated caller.
	 * @return the principal, or {@code null} when the caller is anonymous
	 */
	public abstract @Nullable Principal principal();

	/**
	 * Reports progress to the client ({@code notifications/progress}); ignored when the
	 * client did not ask for progress. Each report must be greater than the last.
	 * @param progress the progress so far
	 * @param total the total, or {@code null} when unknown
	 * @param message a human-readable message, or {@code null}
	 */
	public abstract void progress(double progress, @Nullable Double total, @Nullable String message);

	/**
	 * Sends a log message to the client ({@code notifications/message}) when it passes
	 * the level the client set.
	 * @param level the level
	 * @param message the message
	 */
	public void log(LoggingLevel level, String message) {
		log(level, null, message);
	}

	/**
	 * Sends a log message to the client ({@code notifications/message}) when it passes
	 * the level the client set.
	 * @param level the level
	 * @param logger the name of the logger, or {@code null}
	 * @param data the message: a string or any JSON-serializable value
	 */
	public abstract void log(LoggingLevel level, @Nullable String logger, Object data);

	/**
	 * Returns whether the client cancelled the request (or the task).
	 * @return whether it was cancelled
	 */
	public abstract boolean isCancelled();

	/**
	 * Throws when the client cancelled the request; call it between steps of long work.
	 * @throws CancellationException when cancelled
	 */
	public void throwIfCancelled() {
		if (isCancelled()) {
			throw new CancellationException("The request was cancelled by the client");
		}
	}

	/**
	 * Asks the client's model for a completion ({@code sampling/createMessage}) with one
	 * user message.
	 * @param prompt the user message
	 * @param maxTokens the most tokens to generate
	 * @return the client's answer
	 * @throws IllegalStateException when the client did not declare sampling, or did not
	 * answer in time ({@code mcp.server.client-request-timeout})
	 */
	public CreateMessageResult sample(String prompt, int maxTokens) {
		ObjectNode params = McpJson.mapper().createObjectNode();
		params.putArray("messages")
			.addObject()
			.put("role", "user")
			.putObject("content")
			.put("type", "text")
			.put("text", prompt);
		params.put("maxTokens", maxTokens);
		return sample(params);
	}

	/**
	 * Asks the client's model for a completion ({@code sampling/createMessage}). In a
	 * 2026-07-28 request this is an {@link #input(InputRequests) input-required round}
	 * under the key {@code sample-N}, N counting this run's unkeyed sampling requests.
	 * @param params the request params ({@code messages}, {@code maxTokens},
	 * {@code systemPrompt}, ...)
	 * @return the client's answer
	 * @throws IllegalStateException when the client did not declare sampling, or did not
	 * answer in time
	 */
	public abstract CreateMessageResult sample(ObjectNode params);

	/**
	 * Asks the user for input through the client ({@code elicitation/create}, form mode).
	 * In a 2026-07-28 request this is an {@link #input(InputRequests) input-required
	 * round} under the key {@code elicit-N}, N counting this run's unkeyed elicitations.
	 * @param message what to ask
	 * @param requestedSchema a flat object schema of the fields to fill (strings,
	 * numbers, booleans, enums; defaults allowed)
	 * @return the user's answer
	 * @throws IllegalStateException when the client did not declare elicitation, or did
	 * not answer in time
	 */
	public abstract ElicitResult elicit(String message, ObjectNode requestedSchema);

	/**
	 * Asks the user for input through the client, with the fields of a record or POJO.
	 * @param message what to ask
	 * @param type the type whose properties are the fields to fill
	 * @return the user's answer; read it with {@link ElicitResult#content(Class)}
	 */
	public abstract ElicitResult elicit(String message, Class<?> type);

	/**
	 * Sends a request to the client and waits for its answer, for up to
	 * {@code mcp.server.client-request-timeout}. In a background task the task shows
	 * {@code input_required} meanwhile, and the request reaches the client through
	 * {@code tasks/result}. In a 2026-07-28 request only {@code elicitation/create},
	 * {@code sampling/createMessage} and {@code roots/list} can be asked, as an
	 * {@link #input(InputRequests) input-required round} (keys {@code elicit-N},
	 * {@code sample-N}, {@code roots-N}).
	 * @param method the method
	 * @param params the params
	 * @return the result
	 * @throws dev.mcpspring.McpException when the client answers with an error
	 * @throws IllegalStateException when the client does not answer in time, its session
	 * ends first, or the session already has {@code mcp.server.max-pending-client-requests}
	 * requests waiting
	 */
	public abstract JsonNode request(String method, ObjectNode params);

	/**
	 * Asks the client several questions at once and returns when all are answered: the
	 * one way to ask that serves both protocol revisions with the same code.
	 * <p>
	 * A 2025 session receives the questions as requests on its stream, all at once, and
	 * the call waits for every answer. A 2026-07-28 request ({@code tools/call},
	 * {@code prompts/get}, {@code resources/read}) takes the answers from the client's
	 * retry: when one is missing, the call ends with an {@code input_required} result
	 * asking for the missing keys, and the client calls again with the answers; the
	 * method then runs <em>again from the top</em>, and this time this method returns.
	 * Whatever the method did before its last question runs again on each retry.
	 * Answers given in earlier rounds come back in the signed {@code requestState}.
	 * Do not catch the exception this method ends an unanswered round with.
	 * @param requests the questions, each under a key that names the same question on
	 * every run
	 * @return the answers
	 * @throws McpException {@code -32021} when a 2026-07-28 request did not declare a
	 * capability a question needs
	 * @throws IllegalStateException when a 2025 client did not declare such a capability
	 * or did not answer in time, or when the request cannot ask for input (any other
	 * 2026-07-28 method)
	 */
	public abstract InputResponses input(InputRequests requests);

	/**
	 * Returns the capabilities the client declared: in this request's {@code _meta} for a
	 * 2026-07-28 request, on {@code initialize} for a 2025 session.
	 * @return the capabilities, {@code {}} when none
	 */
	public abstract JsonNode clientCapabilities();

	/**
	 * Returns whether the client declared a capability, such as {@code elicitation},
	 * {@code sampling} or {@code roots}.
	 * @param capability the capability name
	 * @return whether it was declared
	 */
	public boolean supports(String capability) {
		return clientCapabilities().has(capability);
	}

	/**
	 * Closes the connection carrying this call's messages while the call goes on; the
	 * client resumes the stream (GET with {@code Last-Event-ID}) and receives the rest,
	 * including the result. Useful to avoid holding connections during long calls.
	 */
	public abstract void closeStream();

	/**
	 * Returns the id of the background task being run.
	 * @return the task id, or {@code null} when not running as a task
	 */
	public abstract @Nullable String taskId();

	/**
	 * Returns whether the code runs as a background task rather than in the request.
	 * @return whether it is background work
	 */
	public boolean isBackground() {
		return taskId() != null;
	}

}
