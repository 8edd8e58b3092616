package dev.mcpspring.internal.session;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mcpspring.CreateMessageResult;
import dev.mcpspring.ElicitResult;
import dev.mcpspring.InputRequests;
import dev.mcpspring.InputResponses;
import dev.mcpspring.LoggingLevel;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpException;
import dev.mcpspring.internal.wire.ErrorCodes;
import dev.mcpspring.internal.wire.JsonRpcNotification;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.tasks.Docket;
import dev.mcpspring.tasks.TaskInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@link McpContext} of one exchange (a client request or a task run), working from
 * the exchange, the pending client requests, the docket and the submitter of background
 * functions. A context without an exchange stands for a request whose MCP message has
 * not been read yet.
 */
public final class ExchangeMcpContext extends McpContext {

	private final ClientRequests clientRequests;

	private final @Nullable Docket docket;

	private final @Nullable BackgroundTasks backgroundTasks;

	private final @Nullable McpExchange exchange;

	/**
	 * Creates a context before its exchange is known.
	 * @param clientRequests the requests to the client waiting for an answer
	 * @param docket the docket, or {@code null} when tasks are off
	 * @param backgroundTasks the submitter of background functions, or {@code null} when
	 * tasks are off
	 */
	public ExchangeMcpContext(ClientRequests clientRequests, @Nullable Docket docket,
			@Nullable BackgroundTasks backgroundTasks) {
		this(clientRequests, docket, backgroundTasks, null);
	}

	private ExchangeMcpContext(ClientRequests clientRequests, @Nullable Docket docket,
			@Nullable BackgroundTasks backgroundTasks, @Nullable McpExchange exchange) {
		this.clientRequests = clientRequests;
		this.docket = docket;
		this.backgroundTasks = backgroundTasks;
		this.exchange = exchange;
	}

	/**
	 * Returns a context for one exchange with the same collaborators as this one.
	 * @param exchange the exchange
	 * @return the context
	 */
	public ExchangeMcpContext with(McpExchange exchange) {
		return new ExchangeMcpContext(this.clientRequests, this.docket, this.backgroundTasks, exchange);
	}

	/**
	 * Returns the exchange a context serves.
	 * @param context the context, one the server built
	 * @return the exchange
	 * @throws IllegalStateException when the context was not built by the server, or
	 * before the request's message has been read
	 */
	public static McpExchange exchangeOf(McpContext context) {
		if (!(context instanceof ExchangeMcpContext exchangeContext)) {
			throw new IllegalStateException("Not a context of the MCP server: " + context);
		}
		return exchangeContext.exchange();
	}

	/**
	 * Binds a context to the current thread, or unbinds the bound one.
	 * @param context the context, or {@code null} to unbind
	 */
	static void bindToThread(@Nullable McpContext context) {
		bind(context);
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

	@Override
	public Docket docket() {
		if (this.docket == null) {
			throw new IllegalStateException("Background tasks are off: there is no Docket bean. Enable them with "
					+ "mcp.tasks.enabled=true.");
		}
		return this.docket;
	}

	@Override
	public TaskInfo submit(String function, Object arguments) {
		docket();
		if (this.backgroundTasks == null) {
			throw new IllegalStateException("MCP tasks are not configured");
		}
		return this.backgroundTasks.submitBackground(function, arguments, exchange());
	}

	@Override
	public @Nullable String header(String name) {
		return exchange().header(name);
	}

	@Override
	public @Nullable String sessionId() {
		McpSession session = exchange().session();
		return (session != null) ? session.id() : null;
	}

	@Override
	public String protocolVersion() {
		return exchange().protocolVersion();
	}

	@Override
	public @Nullable JsonNode progressToken() {
		return exchange().progressToken();
	}

	@Override
	public @Nullable Principal principal() {
		return exchange().principal();
	}

	@Override
	public void progress(double progress, @Nullable Double total, @Nullable String message) {
		exchange().progress(progress, total, message);
	}

	@Override
	public void log(LoggingLevel level, @Nullable String logger, Object data) {
		McpExchange exchange = exchange();
		if (exchange.isStateless()) {
			LoggingLevel wanted = exchange.requestLogLevel();
			if (wanted != null && wanted.includes(level)) {
				exchange.send(JsonRpcNotification.of("notifications/message", new LogMessage(level, logger, data)));
			}
			return;
		}
		McpSession session = exchange.session();
		if (session == null || session.accepts(level)) {
			exchange().send(JsonRpcNotification.of("notifications/message", new LogMessage(level, logger, data)));
		}
	}

	@Override
	public boolean isCancelled() {
		return exchange().isCancelled();
	}

	@Override
	public CreateMessageResult sample(ObjectNode params) {
		String key = nextKey("sample");
		return input(InputRequests.create().sample(key, params)).createMessageResult(key);
	}

	@Override
	public ElicitResult elicit(String message, ObjectNode requestedSchema) {
		String key = nextKey("elicit");
		return input(InputRequests.create().elicit(key, message, requestedSchema)).elicitResult(key);
	}

	@Override
	public ElicitResult elicit(String message, Class<?> type) {
		String key = nextKey("elicit");
		return input(InputRequests.create().elicit(key, message, type)).elicitResult(key);
	}

	@Override
	public JsonNode request(String method, ObjectNode params) {
		if (exchange().inputRound() == null && !exchange().isStateless()) {
			return askOnStream(List.of(new Question(method, params))).get(0);
		}
		InputRequests requests = InputRequests.create();
		String key;
		if ("sampling/createMessage".equals(method)) {
			key = nextKey("sample");
			requests.sample(key, params);
		}
		else if ("roots/list".equals(method)) {
			key = nextKey("roots");
			requests.listRoots(key);
		}
		else if ("elicitation/create".equals(method)) {
			key = nextKey("elicit");
			JsonNode schema = params.get("requestedSchema");
			requests.elicit(key, params.path("message").asString(""),
					(schema instanceof ObjectNode object) ? object : McpJson.mapper().createObjectNode());
		}
		else {
			throw new IllegalStateException("Cannot send " + method + " to the client of a 2026-07-28 request: "
					+ "only elicitation/create, sampling/createMessage and roots/list can be asked");
		}
		return input(requests).get(key);
	}

	@Override
	public InputResponses input(InputRequests requests) {
		McpExchange exchange = exchange();
		Map<String, ObjectNode> questions = new LinkedHashMap<>();
		for (String key : requests.keys()) {
			requireClientCapability(requests.capability(key));
			questions.put(key, params(requests, key));
		}
		InputRound round = exchange.inputRound();
		if (round == null && !exchange.isStateless()) {
			List<Question> asked = new ArrayList<>();
			questions.forEach((key, params) -> asked.add(new Question(requests.method(key), params)));
			List<JsonNode> answers = askOnStream(asked);
			Map<String, JsonNode> byKey = new LinkedHashMap<>();
			int index = 0;
			for (String key : questions.keySet()) {
				byKey.put(key, answers.get(index++));
			}
			return new InputResponses(byKey);
		}
		if (round == null) {
			throw new IllegalStateException("This 2026-07-28 request cannot ask the client for input: only "
					+ "tools/call, prompts/get and resources/read can");
		}
		Map<String, JsonNode> answers = new LinkedHashMap<>();
		ObjectNode missing = McpJson.mapper().createObjectNode();
		questions.forEach((key, params) -> {
			JsonNode answer = round.answer(key, requests.method(key));
			if (answer != null) {
				answers.put(key, answer);
			}
			else {
				missing.putObject(key).put("method", requests.method(key)).set("params", params);
			}
		});
		if (!missing.isEmpty()) {
			throw new InputRequiredException(missing);
		}
		if (round.isBeforeTask()) {
			throw new InputGatheredException();
		}
		return new InputResponses(answers);
	}

	@Override
	public JsonNode clientCapabilities() {
		return exchange().clientCapabilities();
	}

	private String nextKey(String prefix) {
		InputRound round = exchange().inputRound();
		return (round != null) ? round.nextKey(prefix) : prefix;
	}

	private static ObjectNode params(InputRequests requests, String key) {
		ObjectNode params = requests.params(key);
		Class<?> type = requests.elicitationType(key);
		if (type != null) {
			params.set("requestedSchema", ElicitationSchemas.of(type));
		}
		return params;
	}

	/**
	 * Sends requests to the client on the stream, all at once, and waits for every answer
	 * for up to {@code mcp.server.client-request-timeout}.
	 * @return the answers, in the order of the questions
	 */
	private List<JsonNode> askOnStream(List<Question> questions) {
		McpExchange exchange = exchange();
		ClientRequests requests = this.clientRequests;
		String sessionId = exchange.clientSessionId();
		boolean counted = exchange.taskId() == null;
		List<String> ids = new ArrayList<>();
		exchange.awaitingClient(true);
		String current = "";
		try {
			List<CompletableFuture<JsonNode>> pending = new ArrayList<>();
			for (Question question : questions) {
				String id = requests.register(sessionId, counted);
				ids.add(id);
				ObjectNode sent = question.params().deepCopy();
				if (exchange.taskId() != null) {
					sent.putObject("_meta")
						.putObject("io.modelcontextprotocol/related-task")
						.put("taskId", exchange.taskId());
				}
				pending.add(requests.answer(id));
				exchange.send(JsonRpcNotification.request(id, question.method(), sent));
			}
			long deadline = System.nanoTime() + requests.timeout().toNanos();
			List<JsonNode> answers = new ArrayList<>();
			for (int i = 0; i < pending.size(); i++) {
				current = questions.get(i).method();
				long left = Math.max(0, deadline - System.nanoTime());
				answers.add(pending.get(i).get(left, TimeUnit.NANOSECONDS));
			}
			return answers;
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("The client did not answer " + current + " within " + requests.timeout());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CancellationException("Interrupted while waiting for the client to answer " + current);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			ids.forEach(requests::forget);
			exchange.awaitingClient(false);
		}
	}

	@Override
	public void closeStream() {
		exchange().closeStream();
	}

	@Override
	public @Nullable String taskId() {
		return exchange().taskId();
	}

	private void requireClientCapability(String capability) {
		McpExchange exchange = exchange();
		if (exchange.hasClientCapability(capability)) {
			return;
		}
		if (exchange.isStateless() || exchange.inputRound() != null) {
			throw new McpException(ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
					"The client did not declare the '" + capability + "' capability this request needs",
					Map.of("requiredCapabilities", Map.of(capability, Map.of())));
		}
		throw new IllegalStateException("The client does not support " + capability
				+ ": it declared no '" + capability + "' capability on initialize");
	}

	/**
	 * A request to send the client on the stream.
	 *
	 * @param method the method
	 * @param params the params
	 */
	private record Question(String method, ObjectNode params) {
	}

	/**
	 * Params of {@code notifications/message}.
	 *
	 * @param level the level
	 * @param logger the logger name, or {@code null}
	 * @param data the message
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record LogMessage(LoggingLevel level, @Nullable String logger, Object data) {
	}

}
