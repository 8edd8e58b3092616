package dev.mcpspring.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.mcpspring.McpContext;
import dev.mcpspring.McpException;
import dev.mcpspring.internal.protocol.Mcp2026Revision;
import dev.mcpspring.internal.protocol.McpServer;
import dev.mcpspring.internal.protocol.ProtocolVersions;
import dev.mcpspring.internal.protocol.RequestEnvelope;
import dev.mcpspring.internal.session.ExchangeMcpContext;
import dev.mcpspring.internal.session.McpContextHolder;
import dev.mcpspring.internal.session.McpSession;
import dev.mcpspring.internal.wire.ErrorCodes;
import dev.mcpspring.internal.wire.JsonBodyParser;
import dev.mcpspring.internal.wire.JsonRpcError;
import dev.mcpspring.internal.wire.JsonRpcMessage;
import dev.mcpspring.internal.wire.JsonRpcResponse;
import dev.mcpspring.internal.wire.MalformedMessageException;
import dev.mcpspring.tasks.TaskRefusedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MCP Streamable HTTP endpoint. In the session-based revisions (2025-11-25 and
 * before) POST carries client messages, GET opens a server-to-client SSE stream, DELETE
 * ends a session. A POST without a session that claims 2026-07-28 (by its
 * {@code MCP-Protocol-Version} header or its {@code params._meta}) is a stateless
 * request of that revision, served without a session; its {@code subscriptions/listen}
 * requests become the long-lived streams of {@link ListenStreams}. Mapped at
 * {@code mcp.server.path}
 * under the application's context path.
 */
@Controller
@RequestMapping("${mcp.server.path:/mcp}")
public class McpHttpEndpoint {

	/** The session header. */
	public static final String SESSION_ID = "Mcp-Session-Id";

	/** The header a client resumes an SSE stream with. */
	public static final String LAST_EVENT_ID = "Last-Event-ID";

	/** The protocol version header. */
	public static final String PROTOCOL_VERSION = "MCP-Protocol-Version";

	private static final Log logger = LogFactory.getLog(McpHttpEndpoint.class);

	private static final List<MediaType> POST_ACCEPT = List.of(MediaType.APPLICATION_JSON,
			MediaType.TEXT_EVENT_STREAM);

	private static final List<MediaType> GET_ACCEPT = List.of(MediaType.TEXT_EVENT_STREAM);

	private final McpServer server;

	private final OriginPolicy originPolicy;

	private final JsonBodyParser bodyParser;

	private final long maxRequestBytes;

	private final long streamTimeoutMillis;

	private final int sendBuffer;

	private final SessionEventStreams eventStreams;

	private final McpAsyncCalls calls;

	private final ListenStreams listenStreams;

	private final @Nullable McpRequestAuthorizer authorizer;

	private volatile boolean asyncUnsupportedLogged;

	/**
	 * Creates the endpoint.
	 * @param server the server
	 * @param eventStreams the SSE streams of the sessions
	 * @param originPolicy the allowed origins
	 * @param bodyParser parses POST bodies within the JSON limits
	 * @param maxRequestBytes the largest accepted POST body
	 * @param streamTimeoutMillis how long a GET connection stays open, 0 for unlimited
	 * @param sendBuffer how many events may wait for a slow client on an SSE connection
	 * before it is closed
	 * @param calls runs the requests that may wait off the container's threads
	 * @param listenStreams serves the {@code subscriptions/listen} requests of 2026-07-28
	 * @param authorizer checks each request before it is handled, or {@code null}
	 */
	public McpHttpEndpoint(McpServer server, SessionEventStreams eventStreams, OriginPolicy originPolicy,
			JsonBodyParser bodyParser, long maxRequestBytes, long streamTimeoutMillis, int sendBuffer,
			McpAsyncCalls calls, ListenStreams listenStreams, @Nullable McpRequestAuthorizer authorizer) {
		this.server = server;
		this.authorizer = authorizer;
		this.calls = calls;
		this.listenStreams = listenStreams;
		this.eventStreams = eventStreams;
		this.originPolicy = originPolicy;
		this.bodyParser = bodyParser;
		this.maxRequestBytes = maxRequestBytes;
		this.streamTimeoutMillis = streamTimeoutMillis;
		this.sendBuffer = sendBuffer;
	}

	@PostMapping
	public void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!checkOrigin(request, response) || !checkContentType(request, response)
				|| !checkAccept(request, response, POST_ACCEPT)) {
			return;
		}
		byte[] body = readBody(request, response);
		if (body == null) {
			return;
		}
		JsonNode json;
		try {
			json = this.bodyParser.parse(body);
		}
		catch (MalformedMessageException ex) {
			McpHttpResponses.writeError(response, HttpStatus.BAD_REQUEST, ex.getCode(), messageOf(ex), null);
			return;
		}
		JsonRpcMessage message;
		try {
			message = JsonRpcMessage.from(json);
		}
		catch (MalformedMessageException ex) {
			McpHttpResponses.writeError(response, HttpStatus.BAD_REQUEST, ex.getCode(), messageOf(ex),
					validId(json));
			return;
		}
		if (!authorize(message, request, response)) {
			return;
		}
		if (!(McpContextHolder.get() instanceof ExchangeMcpContext base)) {
			throw new IllegalStateException("No MCP context: the McpContextInterceptor is not registered for "
					+ request.getRequestURI());
		}
		if (request.getHeader(SESSION_ID) == null
				&& Mcp2026Revision.isClaimedBy(request.getHeader(PROTOCOL_VERSION), message.params())) {
			postStateless(message, base, request, response);
			return;
		}
		if (message.isRequest() && "initialize".equals(message.method())) {
			initialize(message, request, response);
			return;
		}
		McpSession session = requireSession(request, response);
		if (session == null) {
			return;
		}
		String version = protocolVersion(request, response, session);
		if (version == null) {
			return;
		}
		ObjectNode params = params(message);
		String method = message.method();
		if (method != null && message.isRequest()) {
			PostExchange exchange = new PostExchange(request, session, version, message.id(), progressToken(params),
					new PostResponseStream(response, this.eventStreams, session.id(), this.sendBuffer));
			if (McpAsyncCalls.isAsync(method)) {
				handleAsync(method, params, base.with(exchange), exchange, request, response);
			}
			else {
				handleRequest(method, params, base.with(exchange), exchange);
			}
			return;
		}
		if (method != null && message.isNotification()) {
			PostExchange exchange = new PostExchange(request, session, version, null, null, null);
			McpContext context = base.with(exchange);
			McpContextHolder.set(context);
			try {
				this.server.handleNotification(method, params, context);
			}
			catch (Exception ex) {
				logger.warn("Failed to handle MCP notification " + method, ex);
			}
			finally {
				McpContextHolder.set(base);
			}
		}
		else {
			this.server.handleResponse(message, session.id());
		}
		response.setStatus(HttpStatus.ACCEPTED.value());
	}

	/**
	 * Serves a stateless (2026-07-28) message: a request is checked as the revision
	 * prescribes ({@code 400} with the revision's error, {@code 404} for a method it does
	 * not serve) and handled without a session (a {@code subscriptions/listen} request
	 * opens a listen stream); notifications and responses are
	 * accepted and ignored, since this revision sends none over HTTP that the server
	 * acts on.
	 */
	private void postStateless(JsonRpcMessage message, ExchangeMcpContext base, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		String method = message.method();
		if (method == null || !message.isRequest()) {
			response.setStatus(HttpStatus.ACCEPTED.value());
			return;
		}
		ObjectNode params = params(message);
		RequestEnvelope envelope;
		try {
			envelope = ProtocolVersions.modern().accept(method, params, request::getHeader);
			this.server.admitStatelessRequest(method, params, envelope, request::getHeader);
		}
		catch (McpException ex) {
			HttpStatus status = (ex.getCode() == ErrorCodes.METHOD_NOT_FOUND) ? HttpStatus.NOT_FOUND
					: HttpStatus.BAD_REQUEST;
			McpHttpResponses.writeJson(response, status, JsonRpcResponse.error(message.id(), ex.toError()));
			return;
		}
		JsonNode id = message.id();
		if (ListenStreams.METHOD.equals(method) && id != null) {
			this.listenStreams.listen(id, params, envelope, request, response);
			return;
		}
		PostExchange exchange = PostExchange.stateless(request, envelope, message.id(), progressToken(params),
				new PostResponseStream(response, this.eventStreams, null, this.sendBuffer));
		if (McpAsyncCalls.isAsync(method)) {
			handleAsync(method, params, base.with(exchange), exchange, request, response);
		}
		else {
			handleRequest(method, params, base.with(exchange), exchange);
		}
	}

	@GetMapping
	public void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if ("HEAD".equals(request.getMethod())) {
			// Spring MVC routes HEAD to GET handlers: a HEAD must not open a stream that
			// never ends
			response.setHeader(HttpHeaders.ALLOW, "GET, POST, DELETE");
			response.setStatus(HttpStatus.METHOD_NOT_ALLOWED.value());
			return;
		}
		if (!checkOrigin(request, response) || refuseStateless(request, response)
				|| !checkAccept(request, response, GET_ACCEPT)) {
			return;
		}
		McpSession session = requireSession(request, response);
		if (session == null || protocolVersion(request, response, session) == null) {
			return;
		}
		String lastEventId = request.getHeader(LAST_EVENT_ID);
		EventStream stream = (lastEventId != null) ? this.eventStreams.find(session.id(), lastEventId) : null;
		long lastSequence;
		if (stream != null) {
			lastSequence = SessionEventStreams.sequenceOf(lastEventId);
		}
		else {
			stream = this.eventStreams.standaloneStream(session.id());
			if (stream == null) {
				sessionNotFound(response);
				return;
			}
			lastSequence = stream.lastEvent();
		}
		AsyncSseConnection connection = AsyncSseConnection.start(request, response, this.streamTimeoutMillis,
				this.sendBuffer);
		EventStream connected = stream;
		connection.onClose(() -> connected.detach(connection));
		stream.connect(connection, lastSequence);
	}

	@DeleteMapping
	public void delete(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!checkOrigin(request, response) || refuseStateless(request, response)) {
			return;
		}
		McpSession session = requireSession(request, response);
		if (session != null) {
			this.server.endSession(session.id());
			response.setStatus(HttpStatus.NO_CONTENT.value());
		}
	}

	/**
	 * Answers {@code 405} to a GET or DELETE of a stateless client (no session, version
	 * 2026-07-28): that revision has neither a standalone stream nor sessions to end.
	 */
	private static boolean refuseStateless(HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (request.getHeader(SESSION_ID) != null
				|| !Mcp2026Revision.VERSION.equals(request.getHeader(PROTOCOL_VERSION))) {
			return false;
		}
		response.setHeader(HttpHeaders.ALLOW, "POST");
		McpHttpResponses.writeError(response, HttpStatus.METHOD_NOT_ALLOWED, ErrorCodes.INVALID_REQUEST,
				"Method Not Allowed: protocol " + request.getHeader(PROTOCOL_VERSION) + " serves POST only", null);
		return true;
	}

	private void initialize(JsonRpcMessage message, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		McpServer.Initialized initialized;
		try {
			initialized = this.server.initialize(params(message), request.getUserPrincipal());
		}
		catch (McpException ex) {
			McpHttpResponses.writeJson(response, HttpStatus.OK, JsonRpcResponse.error(message.id(), ex.toError()));
			return;
		}
		response.setHeader(SESSION_ID, initialized.session().id());
		McpHttpResponses.writeJson(response, HttpStatus.OK, JsonRpcResponse.result(message.id(), initialized.result()));
	}

	private void handleAsync(String method, ObjectNode params, McpContext context, PostExchange exchange,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		JsonRpcError refused = this.calls.acquire(exchange.callerKey());
		if (refused != null) {
			McpHttpResponses.writeJson(response, HttpStatus.OK, JsonRpcResponse.error(exchange.requestId(), refused));
			return;
		}
		String quickKey = this.calls.quickKey(method, params);
		QuickCalls.Inline inline = this.calls.tryInline(quickKey, exchange);
		if (inline != null) {
			handleInline(inline, method, params, context, exchange, request);
			return;
		}
		AsyncContext async;
		try {
			exchange.detachFromRequest();
			async = request.startAsync();
			async.setTimeout(0);
		}
		catch (IllegalStateException ex) {
			this.calls.release(exchange.callerKey());
			if (!this.asyncUnsupportedLogged) {
				this.asyncUnsupportedLogged = true;
				logger.warn("MCP calls run on the container's threads: a filter or servlet in front of the MCP "
						+ "endpoint does not support asynchronous requests (" + ex.getMessage() + ")");
			}
			handleRequest(method, params, context, exchange);
			return;
		}
		AsyncCall call = new AsyncCall(this.calls, this.server, method, params, context, exchange, async);
		async.addListener(call);
		this.calls.start(call, quickKey);
	}

	/**
	 * Runs a call that holds a slot and an inline permit on the container's thread; a
	 * stage the handler returns that is not complete yet is awaited asynchronously.
	 */
	private void handleInline(QuickCalls.Inline inline, String method, ObjectNode params, McpContext context,
			PostExchange exchange, HttpServletRequest request) throws IOException {
		boolean finishesLater = false;
		try {
			McpContext base = McpContextHolder.get();
			McpContextHolder.set(context);
			Object result = null;
			Exception failure = null;
			try {
				result = this.server.handleRequest(method, params, context);
			}
			catch (Exception ex) {
				failure = ex;
			}
			finally {
				this.calls.inlineEnded(inline);
				McpContextHolder.set(base);
			}
			if (result instanceof CompletionStage<?> stage) {
				if (!stage.toCompletableFuture().isDone()) {
					finishesLater = finishLater(stage, method, params, context, exchange, request);
					if (finishesLater) {
						return;
					}
				}
				try {
					result = join(stage);
				}
				catch (Exception ex) {
					failure = ex;
				}
			}
			if (failure == null) {
				Assert.state(result != null, "A request handler returned no result");
				exchange.stream().complete(JsonRpcResponse.result(exchange.requestId(), result));
			}
			else {
				answerFailure(method, exchange, failure);
			}
		}
		finally {
			if (!finishesLater) {
				this.calls.release(exchange.callerKey());
			}
		}
	}

	private boolean finishLater(CompletionStage<?> stage, String method, ObjectNode params, McpContext context,
			PostExchange exchange, HttpServletRequest request) {
		AsyncContext async;
		try {
			exchange.detachFromRequest();
			async = request.startAsync();
			async.setTimeout(0);
		}
		catch (IllegalStateException ex) {
			// no asynchronous support in front of the endpoint: awaited on this thread
			return false;
		}
		AsyncCall call = new AsyncCall(this.calls, this.server, method, params, context, exchange, async);
		async.addListener(call);
		this.calls.track(call);
		stage.whenComplete((value, ex) -> call.finish(value, ex, null));
		return true;
	}

	private void handleRequest(String method, ObjectNode params, McpContext context, PostExchange exchange)
			throws IOException {
		McpContext base = McpContextHolder.get();
		McpContextHolder.set(context);
		try {
			Object result = this.server.handleRequest(method, params, context);
			if (result instanceof CompletionStage<?> stage) {
				result = join(stage);
			}
			Assert.state(result != null, "A request handler returned no result");
			exchange.stream().complete(JsonRpcResponse.result(exchange.requestId(), result));
		}
		catch (Exception ex) {
			answerFailure(method, exchange, ex);
		}
		finally {
			McpContextHolder.set(base);
		}
	}

	/**
	 * Waits on this thread for a stage a handler returned, where the call cannot (or
	 * need not) go asynchronous.
	 */
	private static Object join(CompletionStage<?> stage) throws Exception {
		try {
			return stage.toCompletableFuture().join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

	/**
	 * Answers a request whose handler failed: without a response when it was cancelled,
	 * with the error of an {@link McpException}, as invalid params when the docket refused
	 * a task, with {@code 503} when the store is unavailable, otherwise with an internal
	 * error (logged).
	 */
	static void answerFailure(String method, PostExchange exchange, Throwable failure) throws IOException {
		if (failure instanceof CompletionException && failure.getCause() != null) {
			failure = failure.getCause();
		}
		if (failure instanceof CancellationException) {
			exchange.stream().complete(null);
		}
		else if (failure instanceof McpException ex) {
			exchange.stream().complete(JsonRpcResponse.error(exchange.requestId(), ex.toError()));
		}
		else if (failure instanceof TaskRefusedException ex) {
			exchange.stream()
				.complete(JsonRpcResponse.error(exchange.requestId(),
						new JsonRpcError(ErrorCodes.INVALID_PARAMS, messageOf(ex), null)));
		}
		else if (StoreFailures.isUnavailable(failure)) {
			logger.debug("Store unavailable while handling MCP request " + method, failure);
			exchange.stream().unavailable(JsonRpcResponse.error(exchange.requestId(), StoreFailures.error()));
		}
		else {
			logger.error("Failed to handle MCP request " + method, failure);
			exchange.stream()
				.complete(JsonRpcResponse.error(exchange.requestId(),
						new JsonRpcError(ErrorCodes.INTERNAL_ERROR, "Internal error", null)));
		}
	}

	/**
	 * Answers {@code 503} with a JSON-RPC error when the store of sessions and tasks
	 * cannot be reached outside a request's handling (finding the session).
	 */
	@ExceptionHandler(RuntimeException.class)
	void storeUnavailable(RuntimeException ex, HttpServletResponse response) throws IOException {
		if (!StoreFailures.isUnavailable(ex) || response.isCommitted()) {
			throw ex;
		}
		logger.debug("Store unavailable while handling an MCP request", ex);
		StoreFailures.write(response, null);
	}

	private boolean authorize(JsonRpcMessage message, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String method = message.method();
		if (this.authorizer == null || method == null || !message.isRequest()) {
			return true;
		}
		McpRequestAuthorizer.Refusal refusal = this.authorizer.check(method, params(message), request);
		if (refusal == null) {
			return true;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, refusal.challenge());
		McpHttpResponses.writeError(response, HttpStatus.FORBIDDEN, ErrorCodes.INVALID_REQUEST, refusal.message(),
				message.id());
		return false;
	}

	private boolean checkOrigin(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (this.originPolicy.isAllowed(origin)) {
			return true;
		}
		McpHttpResponses.writeError(response, HttpStatus.FORBIDDEN, ErrorCodes.INVALID_REQUEST,
				"Forbidden: origin " + origin + " is not allowed", null);
		return false;
	}

	private boolean checkContentType(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String contentType = request.getContentType();
		try {
			if (contentType != null && MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType))) {
				return true;
			}
		}
		catch (InvalidMediaTypeException ex) {
			// answered below
		}
		McpHttpResponses.writeError(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCodes.INVALID_REQUEST,
				"Unsupported Media Type: Content-Type must be application/json", null);
		return false;
	}

	private boolean checkAccept(HttpServletRequest request, HttpServletResponse response, List<MediaType> required)
			throws IOException {
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
		}
		catch (InvalidMediaTypeException ex) {
			accepted = List.of();
		}
		for (MediaType type : required) {
			if (accepted.stream()
				.noneMatch((candidate) -> candidate.includes(type) && candidate.getQualityValue() > 0)) {
				McpHttpResponses.writeError(response, HttpStatus.NOT_ACCEPTABLE, ErrorCodes.INVALID_REQUEST,
						"Not Acceptable: the Accept header must include "
								+ String.join(" and ", required.stream().map(MediaType::toString).toList()),
						null);
				return false;
			}
		}
		return true;
	}

	private byte @Nullable [] readBody(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getContentLengthLong() > this.maxRequestBytes) {
			tooLarge(response);
			return null;
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxRequestBytes + 1));
			if (body.length > this.maxRequestBytes) {
				tooLarge(response);
				return null;
			}
			return body;
		}
	}

	private void tooLarge(HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.CONNECTION, "close");
		McpHttpResponses.writeError(response, HttpStatus.PAYLOAD_TOO_LARGE, ErrorCodes.INVALID_REQUEST,
				"Payload Too Large: the body exceeds " + this.maxRequestBytes + " bytes", null);
	}

	private @Nullable McpSession requireSession(HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String sessionId = request.getHeader(SESSION_ID);
		if (sessionId == null || sessionId.isBlank()) {
			McpHttpResponses.writeError(response, HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_REQUEST,
					"Bad Request: the " + SESSION_ID + " header is required", null);
			return null;
		}
		Optional<McpSession> session = this.server.sessions().find(sessionId);
		// a session created by a principal is not found by anybody else
		if (session.isEmpty() || !session.get().isAccessibleBy(request.getUserPrincipal())) {
			sessionNotFound(response);
			return null;
		}
		return session.get();
	}

	private static void sessionNotFound(HttpServletResponse response) throws IOException {
		McpHttpResponses.writeError(response, HttpStatus.NOT_FOUND, ErrorCodes.INVALID_REQUEST,
				"Session not found: initialize a new session", null);
	}

	private @Nullable String protocolVersion(HttpServletRequest request, HttpServletResponse response,
			McpSession session) throws IOException {
		String version = request.getHeader(PROTOCOL_VERSION);
		if (version == null) {
			return session.protocolVersion();
		}
		if (!ProtocolVersions.isSupported(version)) {
			McpHttpResponses.writeError(response, HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_REQUEST,
					"Bad Request: unsupported protocol version " + version + "; supported: "
							+ String.join(", ", ProtocolVersions.LEGACY),
					null);
			return null;
		}
		return version;
	}

	private static ObjectNode params(JsonRpcMessage message) {
		JsonNode params = message.params();
		return (params != null) ? (ObjectNode) params : JsonNodeFactory.instance.objectNode();
	}

	private static @Nullable JsonNode progressToken(ObjectNode params) {
		JsonNode meta = params.get("_meta");
		JsonNode token = (meta != null) ? meta.get("progressToken") : null;
		return (token != null && (token.isString() || token.isNumber())) ? token : null;
	}

	private static @Nullable JsonNode validId(JsonNode json) {
		JsonNode id = json.isObject() ? json.get("id") : null;
		return (id != null && (id.isString() || id.isIntegralNumber())) ? id : null;
	}

	/**
	 * Returns the message of an exception that always has one, told to the client.
	 */
	private static String messageOf(RuntimeException ex) {
		String message = ex.getMessage();
		Assert.state(message != null, "The exception has a message");
		return message;
	}

}
