package dev.mcpspring.internal.protocol;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import dev.mcpspring.LoggingLevel;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpException;
import dev.mcpspring.internal.method.InvocableMethod;
import dev.mcpspring.internal.session.BackgroundTasks;
import dev.mcpspring.internal.session.ClientRequests;
import dev.mcpspring.internal.session.ExchangeMcpContext;
import dev.mcpspring.internal.session.InputRequiredException;
import dev.mcpspring.internal.session.InputRound;
import dev.mcpspring.internal.session.McpExchange;
import dev.mcpspring.internal.session.McpFeature;
import dev.mcpspring.internal.session.McpInFlightRequests;
import dev.mcpspring.internal.session.McpRequestHandler;
import dev.mcpspring.internal.session.McpSession;
import dev.mcpspring.internal.session.McpSessionRelay;
import dev.mcpspring.internal.session.McpSessionStore;
import dev.mcpspring.internal.session.McpSessionStreams;
import dev.mcpspring.internal.task.McpTasksFeature;
import dev.mcpspring.internal.task.TaskHost;
import dev.mcpspring.internal.tool.McpToolsFeature;
import dev.mcpspring.internal.wire.ErrorCodes;
import dev.mcpspring.internal.wire.JsonRpcMessage;
import dev.mcpspring.internal.wire.JsonRpcNotification;
import dev.mcpspring.internal.wire.JsonSize;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.internal.wire.RandomIds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MCP server: sessions, capabilities and method dispatch. Transport independent; the
 * Streamable HTTP handler calls it, and it serves the layers below through narrow
 * interfaces: {@link TaskHost} to task runs, {@link McpInFlightRequests} to the session
 * relay. What differs between protocol revisions is left to the negotiated
 * {@link ProtocolRevision}.
 */
public class McpServer implements TaskHost, McpInFlightRequests {

	private static final Map<String, Object> EMPTY_RESULT = Collections.emptyMap();

	private static final Set<String> INPUT_METHODS = Set.of("tools/call", "prompts/get", "resources/read");

	private final Implementation info;

	private final @Nullable String instructions;

	private final McpSessionStore sessions;

	private final McpSessionStreams streams;

	private final ClientRequests clientRequests;

	private final Map<String, McpRequestHandler> requestHandlers = new ConcurrentHashMap<>();

	private final Map<String, McpRequestHandler> notificationHandlers = new ConcurrentHashMap<>();

	private final Map<String, McpExchange> inFlight = new ConcurrentHashMap<>();

	private final List<? extends McpFeature> features;

	private final long maxClientInfoBytes;

	private final CachePolicy cachePolicy;

	private final RequestStates requestStates;

	/**
	 * Creates a server.
	 * @param info the server's name and version
	 * @param instructions the instructions sent on {@code initialize}, or {@code null}
	 * @param sessions the sessions
	 * @param streams the streams clients hold open to this process
	 * @param clientRequests the requests to clients that wait for an answer
	 * @param features the features
	 * @param maxClientInfoBytes the largest serialized {@code capabilities} and
	 * {@code clientInfo} of a client kept in its session
	 * @param cachePolicy the caching hints of 2026-07-28 results
	 */
	public McpServer(Implementation info, @Nullable String instructions, McpSessionStore sessions,
			McpSessionStreams streams, ClientRequests clientRequests, List<? extends McpFeature> features,
			long maxClientInfoBytes, CachePolicy cachePolicy) {
		this(info, instructions, sessions, streams, clientRequests, features, maxClientInfoBytes, cachePolicy,
				RequestStates.withRandomKey(Duration.ofMinutes(10)));
	}

	/**
	 * Creates a server whose input-required rounds seal their state with a given codec.
	 * @param info the server's name and version
	 * @param instructions the instructions sent on {@code initialize}, or {@code null}
	 * @param sessions the sessions
	 * @param streams the streams clients hold open to this process
	 * @param clientRequests the requests to clients that wait for an answer
	 * @param features the features
	 * @param maxClientInfoBytes the largest serialized {@code capabilities} and
	 * {@code clientInfo} of a client kept in its session
	 * @param cachePolicy the caching hints of 2026-07-28 results
	 * @param requestStates the codec of {@code requestState}, sharing its key with the
	 * other instances
	 */
	public McpServer(Implementation info, @Nullable String instructions, McpSessionStore sessions,
			McpSessionStreams streams, ClientRequests clientRequests, List<? extends McpFeature> features,
			long maxClientInfoBytes, CachePolicy cachePolicy, RequestStates requestStates) {
		this.requestStates = requestStates;
		this.info = info;
		this.instructions = instructions;
		this.sessions = sessions;
		this.streams = streams;
		this.clientRequests = clientRequests;
		this.features = List.copyOf(features);
		this.maxClientInfoBytes = maxClientInfoBytes;
		this.cachePolicy = cachePolicy;
		sessions.addListener(streams);
		sessions.addListener(clientRequests);
		this.requestHandlers.put("ping", (params, context) -> EMPTY_RESULT);
		this.requestHandlers.put("logging/setLevel", this::setLevel);
		this.notificationHandlers.put("notifications/initialized", (params, context) -> null);
		this.notificationHandlers.put("notifications/cancelled", this::cancelled);
		for (McpFeature feature : features) {
			this.requestHandlers.putAll(feature.requestHandlers());
			this.notificationHandlers.putAll(feature.notificationHandlers());
		}
	}

	public Implementation info() {
		return this.info;
	}

	public McpSessionStore sessions() {
		return this.sessions;
	}

	public McpSessionStreams streams() {
		return this.streams;
	}

	@Override
	public ClientRequests clientRequests() {
		return this.clientRequests;
	}

	@Override
	public Optional<BackgroundTasks> backgroundTasks() {
		return feature(McpTasksFeature.class).map(BackgroundTasks.class::cast);
	}

	/**
	 * Returns a feature of this server.
	 * @param <T> the feature type
	 * @param type the feature type
	 * @return the feature, or empty when the server does not have it
	 */
	public <T extends McpFeature> Optional<T> feature(Class<T> type) {
		return this.features.stream().filter(type::isInstance).map(type::cast).findFirst();
	}

	/**
	 * Returns the capabilities announced on {@code initialize}: what the features offer
	 * now (a feature with nothing registered may offer nothing).
	 * @return the capabilities by name
	 */
	public Map<String, Object> capabilities() {
		Map<String, Object> capabilities = new LinkedHashMap<>();
		capabilities.put("logging", EMPTY_RESULT);
		this.features.forEach((feature) -> feature.contributeCapabilities(capabilities));
		return capabilities;
	}

	/**
	 * Handles {@code initialize}: negotiates the version and starts a session that
	 * belongs to the caller.
	 * @param params the request params
	 * @param principal the caller's authenticated principal, or {@code null}
	 * @return the new session and the result to answer with
	 */
	public Initialized initialize(ObjectNode params, @Nullable Principal principal) {
		JsonNode version = params.get("protocolVersion");
		if (version == null || !version.isString()) {
			throw McpException.invalidParams("initialize needs a \"protocolVersion\" string");
		}
		JsonNode capabilitiesNode = params.get("capabilities");
		if (capabilitiesNode != null && !capabilitiesNode.isObject()) {
			throw McpException.invalidParams("\"capabilities\" must be an object");
		}
		JsonNode clientInfo = params.get("clientInfo");
		checkClientInfoSize(capabilitiesNode, clientInfo);
		ProtocolRevision revision = ProtocolVersions.negotiate(version.stringValue());
		McpSession session = new McpSession(RandomIds.next(), revision.version(), clientInfo, capabilitiesNode, null,
				Instant.now(), (principal != null) ? principal.getName() : null);
		this.sessions.save(session);
		return new Initialized(session, revision.initializeResult(capabilities(), this.info, this.instructions));
	}

	private void checkClientInfoSize(@Nullable JsonNode capabilities, @Nullable JsonNode clientInfo) {
		if (JsonSize.exceeds(McpJson.mapper(), Arrays.asList(capabilities, clientInfo), this.maxClientInfoBytes)) {
			throw McpException.invalidParams("initialize: \"capabilities\" and \"clientInfo\" exceed "
					+ this.maxClientInfoBytes + " bytes, the most this server keeps per session");
		}
	}

	/**
	 * Handles a request: of a session, or a stateless one (2026-07-28), whose result is
	 * written in that revision's shape.
	 * @param method the method
	 * @param params the params
	 * @param context the context, holding the exchange of this request
	 * @return the result, or a {@link CompletionStage} of it when the handler answers
	 * later without holding a thread
	 * @throws Exception an {@link McpException} to answer with a JSON-RPC error
	 */
	public @Nullable Object handleRequest(String method, ObjectNode params, McpContext context) throws Exception {
		if (ExchangeMcpContext.exchangeOf(context).isStateless()) {
			return handleStatelessRequest(method, params, context);
		}
		return dispatch(method, params, context);
	}

	private @Nullable Object dispatch(String method, ObjectNode params, McpContext context) throws Exception {
		McpRequestHandler handler = this.requestHandlers.get(method);
		if (handler == null) {
			throw McpException.methodNotFound("Method not found: " + method);
		}
		McpExchange exchange = ExchangeMcpContext.exchangeOf(context);
		String key = inFlightKey(exchange.session(), exchange.requestId());
		if (key == null) {
			return handler.handle(params, context);
		}
		this.inFlight.put(key, exchange);
		boolean pending = false;
		try {
			Object result = handler.handle(params, context);
			if (result instanceof CompletionStage<?> stage) {
				pending = true;
				return stage.whenComplete((value, failure) -> this.inFlight.remove(key, exchange));
			}
			return result;
		}
		finally {
			if (!pending) {
				this.inFlight.remove(key, exchange);
			}
		}
	}

	/**
	 * Admits a stateless 2026-07-28 request whose envelope and headers
	 * {@link Mcp2026Revision#accept} has checked, before it is handled. A legacy
	 * {@code params.task} of {@code tools/call} is removed: on this wire the server
	 * decides whether a call runs as a task, and only for a client that declared the
	 * {@link Mcp2026Revision#TASKS_EXTENSION tasks extension}. Refused with
	 * {@code -32021}: a tool that runs only as a task, and the methods of the extension,
	 * when the request did not declare it; those methods are {@code -32601} when tasks
	 * are off. A call's {@code Mcp-Param-*} headers must match the arguments the tool
	 * declares with {@code x-mcp-header} ({@code -32020}).
	 * @param method the method
	 * @param params the params, changed in place
	 * @param envelope the request's envelope
	 * @param headers the request's headers by (case-insensitive) name
	 * @throws McpException when the request is refused
	 */
	public void admitStatelessRequest(String method, ObjectNode params, RequestEnvelope envelope,
			UnaryOperator<@Nullable String> headers) {
		boolean declared = envelope.declaresExtension(Mcp2026Revision.TASKS_EXTENSION);
		if ("tools/call".equals(method)) {
			params.remove("task");
			JsonNode name = params.get("name");
			Optional<McpToolsFeature> tools = feature(McpToolsFeature.class);
			if (name != null && name.isString() && tools.isPresent()) {
				if (!declared && tools.get().requiresTask(name.stringValue())) {
					throw Mcp2026Revision.tasksExtensionRequired("Tool '" + name.stringValue() + "' runs only as a task; it");
				}
				ParameterHeaders.check(name.stringValue(), tools.get().headerParameters(name.stringValue()), params,
						headers);
			}
		}
		else if (Mcp2026Revision.TASK_METHODS.contains(method)) {
			if (feature(McpTasksFeature.class).isEmpty()) {
				throw McpException.methodNotFound("Method not found: " + method);
			}
			if (!declared) {
				throw Mcp2026Revision.tasksExtensionRequired(method);
			}
		}
	}

	/**
	 * Handles a stateless request: answers {@code server/discover}, and passes every other
	 * method to its feature, stamping the result in the revision's shape.
	 */
	private Object handleStatelessRequest(String method, ObjectNode params, McpContext context) throws Exception {
		Mcp2026Revision revision = ProtocolVersions.modern();
		if ("server/discover".equals(method)) {
			return revision.stamp(method, revision.discoverResult(capabilities(), this.info, this.instructions),
					this.info, this.cachePolicy);
		}
		McpExchange exchange = ExchangeMcpContext.exchangeOf(context);
		RequestStates.Binding binding = INPUT_METHODS.contains(method) ? binding(method, params, exchange) : null;
		InputRound round = (binding != null) ? new InputRound(answers(params, binding)) : null;
		if (round != null) {
			exchange.inputRound(round);
		}
		boolean retry = round != null && (params.has("inputResponses") || params.has("requestState"));
		Object result;
		try {
			result = dispatch(method, params, context);
		}
		catch (InputRequiredException ex) {
			return inputRequired(revision, ex, binding, round);
		}
		catch (McpException ex) {
			throw revision.translate(ex);
		}
		if (result instanceof CompletionStage<?> stage) {
			return stage.handle((value, failure) -> {
				if (failure != null) {
					Throwable cause = InvocableMethod.unwrap(failure);
					if (cause instanceof InputRequiredException ex) {
						return inputRequired(revision, ex, binding, round);
					}
					throw (cause instanceof McpException ex) ? revision.translate(ex) : new CompletionException(cause);
				}
				Assert.state(value != null, "A request handler returned no result");
				return complete(revision, method, value, retry);
			});
		}
		Assert.state(result != null, "A request handler returned no result");
		return complete(revision, method, result, retry);
	}

	/**
	 * Stamps a result; a complete one answering a retry with input is never cached (a
	 * task's {@code ttlMs} is its own).
	 */
	private ObjectNode complete(Mcp2026Revision revision, String method, Object result, boolean retry) {
		ObjectNode stamped = revision.stamp(method, result, this.info, this.cachePolicy);
		if (retry && stamped.has("ttlMs") && "complete".equals(stamped.path("resultType").asString())) {
			stamped.put("ttlMs", 0);
			stamped.put("cacheScope", "private");
		}
		return stamped;
	}

	private ObjectNode inputRequired(Mcp2026Revision revision, InputRequiredException signal,
			RequestStates.@Nullable Binding binding, @Nullable InputRound round) {
		if (binding == null || round == null) {
			throw new McpException(ErrorCodes.INTERNAL_ERROR, "This request cannot ask the client for input");
		}
		String state = this.requestStates.seal(binding, round.used());
		return revision.inputRequired(signal.inputRequests(), state, this.info);
	}

	private static RequestStates.Binding binding(String method, ObjectNode params, McpExchange exchange) {
		JsonNode target = params.get("resources/read".equals(method) ? "uri" : "name");
		Principal principal = exchange.principal();
		return new RequestStates.Binding(method, (target != null) ? target.asString("") : "",
				params.get("arguments"), (principal != null) ? principal.getName() : null);
	}

	/**
	 * Reads the answers a request brings: those sealed in its {@code requestState}, then
	 * those of its {@code inputResponses} (which win).
	 */
	private Map<String, JsonNode> answers(ObjectNode params, RequestStates.Binding binding) {
		Map<String, JsonNode> answers = new LinkedHashMap<>();
		JsonNode state = params.get("requestState");
		if (state != null && !state.isNull()) {
			if (!state.isString()) {
				throw McpException.invalidParams("\"requestState\" must be a string");
			}
			answers.putAll(this.requestStates.open(state.stringValue(), binding));
		}
		if (params.has("inputResponses")) {
			JsonNode responses = params.get("inputResponses");
			if (responses == null || !responses.isObject()) {
				throw McpException.invalidParams("\"inputResponses\" must be an object of answers by key");
			}
			responses.properties().forEach((entry) -> answers.put(entry.getKey(), entry.getValue()));
		}
		return answers;
	}

	/**
	 * Handles a notification from the client. Unknown notifications are ignored.
	 * @param method the method
	 * @param params the params
	 * @param context the context of the notification
	 * @throws Exception when the handler fails
	 */
	public void handleNotification(String method, ObjectNode params, McpContext context) throws Exception {
		McpRequestHandler handler = this.notificationHandlers.get(method);
		if (handler != null) {
			handler.handle(params, context);
		}
	}

	/**
	 * Handles a response from the client to a request the server sent. A response for a
	 * request this process does not wait for is relayed to the other instances, one of
	 * which may, when its id has the form of the server's request ids; responses nobody
	 * waits for (late, for a timed-out request, or with an id the server never gives) are
	 * ignored.
	 * @param response the response
	 * @param sessionId the session the response came in
	 */
	public void handleResponse(JsonRpcMessage response, String sessionId) {
		McpSessionRelay relay = this.streams.relay();
		if (!this.clientRequests.complete(response, sessionId) && relay != null
				&& ClientRequests.mayBeAwaited(response)) {
			relay.answer(sessionId, response);
		}
	}

	@Override
	public void answerClientRequest(String sessionId, JsonRpcMessage response) {
		this.clientRequests.complete(response, sessionId);
	}

	/**
	 * Sends a notification to every session with an open stream to this process.
	 * @param method the notification method
	 * @param params the params, or {@code null}
	 */
	public void notifyAllSessions(String method, @Nullable Object params) {
		this.streams.broadcast(JsonRpcNotification.of(method, params));
	}

	/**
	 * Ends a session; the store's listeners forget what this process and the other
	 * instances hold for it.
	 * @param sessionId the session id
	 * @return whether the session was live
	 */
	public boolean endSession(String sessionId) {
		return this.sessions.delete(sessionId);
	}

	private Object setLevel(ObjectNode params, McpContext context) {
		JsonNode level = params.get("level");
		if (level == null || !level.isString()) {
			throw McpException.invalidParams("logging/setLevel needs a \"level\" string");
		}
		LoggingLevel parsed = LoggingLevel.fromWireName(level.stringValue());
		McpSession session = ExchangeMcpContext.exchangeOf(context).session();
		if (session != null) {
			this.sessions.save(session.withLogLevel(parsed));
		}
		return EMPTY_RESULT;
	}

	@Override
	public boolean cancelRequest(String sessionId, JsonNode requestId) {
		McpExchange exchange = this.inFlight.get(sessionId + ' ' + requestId);
		if (exchange != null) {
			exchange.cancel();
			return true;
		}
		return false;
	}

	@Override
	public Optional<McpSession> findSession(String sessionId) {
		return this.sessions.find(sessionId);
	}

	@Override
	public void sendToSession(String sessionId, Object message) {
		this.streams.send(sessionId, message);
	}

	@Override
	public String defaultProtocolVersion() {
		return ProtocolVersions.LATEST;
	}

	private @Nullable Object cancelled(ObjectNode params, McpContext context) {
		McpSession session = ExchangeMcpContext.exchangeOf(context).session();
		JsonNode requestId = params.get("requestId");
		if (session != null && requestId != null && !cancelRequest(session.id(), requestId)
				&& this.streams.relay() != null) {
			this.streams.relay().cancelRequest(session.id(), requestId);
		}
		return null;
	}

	private static @Nullable String inFlightKey(@Nullable McpSession session, @Nullable JsonNode requestId) {
		if (session == null || requestId == null) {
			return null;
		}
		return session.id() + ' ' + requestId;
	}


	/**
	 * The outcome of {@code initialize}.
	 *
	 * @param session the new session
	 * @param result the result to answer with
	 */
	public record Initialized(McpSession session, InitializeResult result) {
	}

}
