package dev.mcpspring;

import java.security.Principal;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mcpspring.internal.docket.Worker;
import dev.mcpspring.internal.protocol.McpServer;
import dev.mcpspring.internal.session.ClientRequests;
import dev.mcpspring.internal.session.ElicitationSchemas;
import dev.mcpspring.internal.session.McpContextHolder;
import dev.mcpspring.internal.session.McpExchange;
import dev.mcpspring.internal.session.McpSession;
import dev.mcpspring.internal.task.McpTasksFeature;
import dev.mcpspring.internal.wire.JsonRpcNotification;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.tasks.Docket;
import dev.mcpspring.tasks.TaskInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an MCP tool sees of the request it serves: the session, progress reporting,
 * logging to the client, cancellation, and the server's beans. Declare a parameter of
 * this type on an {@code @McpTool} method, or call {@link #current()} on the thread
 * handling the call.
 * <p>
 * A context is built from the application's beans for every request (by the MCP
 * {@code HandlerInterceptor}) and for every background task run (by the worker); it
 * never depends on state captured at startup.
 */
public final class McpContext {

	private final McpServer server;

	private final Docket docket;

	private final Worker worker;

	private final McpExchange exchange;

	private McpContext(McpServer server, Docket docket, Worker worker, McpExchange exchange) {
		this.server = server;
		this.docket = docket;
		this.worker = worker;
		this.exchange = exchange;
	}

	/**
	 * Creates a context from the application's beans, before it serves an exchange.
	 * @param server the server bean
	 * @param docket the docket bean, or {@code null} when tasks are off
	 * @param worker the worker bean, or {@code null} when this process runs no tasks
	 * @return the context
	 */
	public static McpContext of(McpServer server, Docket docket, Worker worker) {
		return new McpContext(server, docket, worker, null);
	}

	/**
	 * Returns a context for one exchange (a client request or a task run) with the same
	 * beans as this one.
	 * @param exchange the exchange
	 * @return the context
	 */
	public McpContext with(McpExchange exchange) {
		return new McpContext(this.server, this.docket, this.worker, exchange);
	}

	/**
	 * Returns the context bound to the current thread.
	 * @return the context
	 * @throws IllegalStateException when the thread is not handling an MCP request or
	 * background task
	 */
	public static McpContext current() {
		McpContext context = McpContextHolder.get();
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
		return Optional.ofNullable(McpContextHolder.get());
	}

	public McpServer server() {
		return this.server;
	}

	/**
	 * Returns the docket, to submit and follow background tasks.
	 * @return the docket
	 * @throws IllegalStateException when tasks are off ({@code mcp.tasks.enabled=false})
	 */
	public Docket docket() {
		if (this.docket == null) {
			throw new IllegalStateException("Background tasks are off: there is no Docket bean. Enable them with "
					+ "mcp.tasks.enabled=true.");
		}
		return this.docket;
	}

	/**
	 * Returns the worker of this process.
	 * @return the worker, or empty when this process runs no tasks
	 * ({@code mcp.worker.enabled=false})
	 */
	public Optional<Worker> worker() {
		return Optional.ofNullable(this.worker);
	}

	/**
	 * Submits a {@link dev.mcpspring.tasks.DocketTask background function}, owned by the
	 * caller: the client can follow it with {@code tasks/get} and {@code tasks/result}.
	 * The session, the propagated headers and the security context travel with it.
	 * @param function the function name
	 * @param arguments the arguments, bound to the function's parameters by name
	 * @return the task
	 */
	public TaskInfo submit(String function, Object arguments) {
		docket();
		return this.server.feature(McpTasksFeature.class)
			.orElseThrow(() -> new IllegalStateException("MCP tasks are not configured"))
			.submitBackground(function, arguments, this);
	}

	/**
	 * Returns a header of the request: the HTTP request's, or, in a background task, one
	 * of the headers named in {@code mcp.tasks.propagated-headers}.
	 * @param name the header name
	 * @return the value, or {@code null}
	 */
	public String header(String name) {
		return exchange().header(name);
	}

	/**
	 * Returns the exchange this context serves.
	 * @return the exchange
	 * @throws IllegalStateException before the request's message has been read
	 */
	public McpExchange exchange() {
		if (this.exchange == null) {
			throw new IllegalStateException("The MCP message of this request has not been read yet");
		}
		return this.exchange;
	}

	/**
	 * Returns the MCP session of the caller.
	 * @return the session, or empty when the request has none
	 */
	public Optional<McpSession> session() {
		return Optional.ofNullable(exchange().session());
	}

	/**
	 * Returns the protocol version the caller speaks.
	 * @return the version
	 */
	public String protocolVersion() {
		return exchange().protocolVersion();
	}

	/**
	 * Returns the progress token of the request, when the client asked for progress.
	 * @return the token, or {@code null}
	 */
	public JsonNode progressToken() {
		return exchange().progressToken();
	}

	/**
	 * Returns the authenticated caller.
	 * @return the principal, or {@code null} when the caller is anonymous
	 */
	public Principal principal() {
		return exchange().principal();
	}

	/**
	 * Reports progress to the client ({@code notifications/progress}); ignored when the
	 * client did not ask for progress. Each report must be greater than the last.
	 * @param progress the progress so far
	 * @param total the total, or {@code null} when unknown
	 * @param message a human-readable message, or {@code null}
	 */
	public void progress(double progress, Double total, String message) {
		exchange().progress(progress, total, message);
	}

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
	public void log(LoggingLevel level, String logger, Object data) {
		McpSession session = exchange().session();
		if (session == null || session.accepts(level)) {
			exchange().send(JsonRpcNotification.of("notifications/message", new LogMessage(level, logger, data)));
		}
	}

	/**
	 * Returns whether the client cancelled the request (or the task).
	 * @return whether it was cancelled
	 */
	public boolean isCancelled() {
		return exchange().isCancelled();
	}

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
	 * Asks the client's model for a completion ({@code sampling/createMessage}).
	 * @param params the request params ({@code messages}, {@code maxTokens},
	 * {@code systemPrompt}, ...)
	 * @return the client's answer
	 * @throws IllegalStateException when the client did not declare sampling, or did not
	 * answer in time
	 */
	public CreateMessageResult sample(ObjectNode params) {
		requireClientCapability("sampling");
		return McpJson.mapper().treeToValue(request("sampling/createMessage", params), CreateMessageResult.class);
	}

	/**
	 * Asks the user for input through the client ({@code elicitation/create}, form mode).
	 * @param message what to ask
	 * @param requestedSchema a flat object schema of the fields to fill (strings,
	 * numbers, booleans, enums; defaults allowed)
	 * @return the user's answer
	 * @throws IllegalStateException when the client did not declare elicitation, or did
	 * not answer in time
	 */
	public ElicitResult elicit(String message, ObjectNode requestedSchema) {
		requireClientCapability("elicitation");
		ObjectNode params = McpJson.mapper().createObjectNode();
		params.put("message", message);
		params.set("requestedSchema", requestedSchema);
		return McpJson.mapper().treeToValue(request("elicitation/create", params), ElicitResult.class);
	}

	/**
	 * Asks the user for input through the client, with the fields of a record or POJO.
	 * @param message what to ask
	 * @param type the type whose properties are the fields to fill
	 * @return the user's answer; read it with {@link ElicitResult#content(Class)}
	 */
	public ElicitResult elicit(String message, Class<?> type) {
		return elicit(message, ElicitationSchemas.of(type));
	}

	/**
	 * Sends a request to the client and waits for its answer, for up to
	 * {@code mcp.server.client-request-timeout}. In a background task the task shows
	 * {@code input_required} meanwhile, and the request reaches the client through
	 * {@code tasks/result}.
	 * @param method the method
	 * @param params the params
	 * @return the result
	 * @throws dev.mcpspring.McpException when the client answers with an error
	 * @throws IllegalStateException when the client does not answer in time, its session
	 * ends first, or the session already has {@code mcp.server.max-pending-client-requests}
	 * requests waiting
	 */
	public JsonNode request(String method, ObjectNode params) {
		McpExchange exchange = exchange();
		ClientRequests requests = this.server.clientRequests();
		McpSession session = (exchange.taskId() == null) ? exchange.session() : null;
		String id = requests.register((session != null) ? session.id() : null);
		ObjectNode sent = params.deepCopy();
		if (exchange.taskId() != null) {
			sent.putObject("_meta")
				.putObject("io.modelcontextprotocol/related-task")
				.put("taskId", exchange.taskId());
		}
		exchange.awaitingClient(true);
		try {
			exchange.send(JsonRpcNotification.request(id, method, sent));
			return requests.answer(id).get(requests.timeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("The client did not answer " + method + " within " + requests.timeout());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CancellationException("Interrupted while waiting for the client to answer " + method);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			requests.forget(id);
			exchange.awaitingClient(false);
		}
	}

	/**
	 * Closes the connection carrying this call's messages while the call goes on; the
	 * client resumes the stream (GET with {@code Last-Event-ID}) and receives the rest,
	 * including the result. Useful to avoid holding connections during long calls.
	 */
	public void closeStream() {
		exchange().closeStream();
	}

	private void requireClientCapability(String capability) {
		McpSession session = exchange().session();
		if (session == null || !session.hasClientCapability(capability)) {
			throw new IllegalStateException("The client does not support " + capability
					+ ": it declared no '" + capability + "' capability on initialize");
		}
	}

	/**
	 * Returns the id of the background task being run.
	 * @return the task id, or {@code null} when not running as a task
	 */
	public String taskId() {
		return exchange().taskId();
	}

	/**
	 * Returns whether the code runs as a background task rather than in the request.
	 * @return whether it is background work
	 */
	public boolean isBackground() {
		return taskId() != null;
	}

	/**
	 * Params of {@code notifications/message}.
	 *
	 * @param level the level
	 * @param logger the logger name, or {@code null}
	 * @param data the message
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record LogMessage(LoggingLevel level, String logger, Object data) {
	}

}
