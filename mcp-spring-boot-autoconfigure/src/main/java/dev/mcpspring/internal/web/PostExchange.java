package dev.mcpspring.internal.web;

import java.security.Principal;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import dev.mcpspring.LoggingLevel;
import dev.mcpspring.internal.protocol.RequestEnvelope;
import dev.mcpspring.internal.session.McpExchange;
import dev.mcpspring.internal.session.McpSession;
import dev.mcpspring.internal.wire.JsonRpcNotification;
import dev.mcpspring.internal.wire.RandomIds;
import tools.jackson.databind.JsonNode;

/**
 * A message POSTed to the MCP endpoint. Messages related to a request go on its
 * response; a notification has no response stream. A message of a session (the 2025
 * revisions) has its session; a stateless request (2026-07-28) has none, and brings its
 * own version, client capabilities and log level.
 */
final class PostExchange extends McpExchange {

	private final @Nullable McpSession session;

	private final String callerKey;

	/** What a stateless request's {@code _meta} carries; {@code null} in a session. */
	private final @Nullable RequestEnvelope envelope;

	private final String protocolVersion;

	private final @Nullable JsonNode requestId;

	private final @Nullable JsonNode progressToken;

	private final @Nullable Principal principal;

	private final @Nullable PostResponseStream stream;

	private @Nullable HttpServletRequest request;

	private Map<String, String> headers = Map.of();

	PostExchange(HttpServletRequest request, McpSession session, String protocolVersion, @Nullable JsonNode requestId,
			@Nullable JsonNode progressToken, @Nullable PostResponseStream stream) {
		this(request, session, session.id(), null, protocolVersion, requestId, progressToken, stream);
	}

	private PostExchange(HttpServletRequest request, @Nullable McpSession session, String callerKey,
			@Nullable RequestEnvelope envelope, String protocolVersion, @Nullable JsonNode requestId,
			@Nullable JsonNode progressToken, @Nullable PostResponseStream stream) {
		this.request = request;
		this.session = session;
		this.callerKey = callerKey;
		this.envelope = envelope;
		this.protocolVersion = protocolVersion;
		this.requestId = requestId;
		this.progressToken = progressToken;
		this.principal = request.getUserPrincipal();
		this.stream = stream;
	}

	/**
	 * Returns the exchange of a stateless request.
	 * @param request the HTTP request
	 * @param envelope what the request's {@code _meta} carries (version, client
	 * capabilities, log level)
	 * @param requestId the request id
	 * @param progressToken the progress token, or {@code null}
	 * @param stream the response stream
	 * @return the exchange
	 */
	static PostExchange stateless(HttpServletRequest request, RequestEnvelope envelope, @Nullable JsonNode requestId,
			@Nullable JsonNode progressToken, PostResponseStream stream) {
		Principal principal = request.getUserPrincipal();
		String callerKey = (principal != null) ? "principal:" + principal.getName() : "request:" + RandomIds.next();
		return new PostExchange(request, null, callerKey, envelope, envelope.protocolVersion(), requestId,
				progressToken, stream);
	}

	@Override
	public @Nullable McpSession session() {
		return this.session;
	}

	/**
	 * Returns the key the calls in flight are counted under per caller: the session, or
	 * for a stateless request its principal (an anonymous one counts alone).
	 * @return the key
	 */
	String callerKey() {
		return this.callerKey;
	}

	@Override
	public JsonNode clientCapabilities() {
		return (this.envelope != null) ? this.envelope.clientCapabilities() : super.clientCapabilities();
	}

	@Override
	public boolean isStateless() {
		return this.envelope != null;
	}

	@Override
	public @Nullable LoggingLevel requestLogLevel() {
		return (this.envelope != null) ? this.envelope.logLevel() : null;
	}

	@Override
	public String protocolVersion() {
		return this.protocolVersion;
	}

	@Override
	public @Nullable JsonNode requestId() {
		return this.requestId;
	}

	@Override
	public @Nullable JsonNode progressToken() {
		return this.progressToken;
	}

	@Override
	public @Nullable Principal principal() {
		return this.principal;
	}

	@Override
	public void send(JsonRpcNotification message) {
		if (this.stream != null) {
			this.stream.send(message);
		}
	}

	@Override
	public void closeStream() {
		if (this.stream != null && this.envelope == null) {
			this.stream.disconnect();
		}
	}

	@Override
	public @Nullable String header(String name) {
		HttpServletRequest request = this.request;
		return (request != null) ? request.getHeader(name) : this.headers.get(name);
	}

	/**
	 * Copies the request headers and lets go of the request, so that they can be read
	 * while the request is handled asynchronously, even after its connection closed.
	 */
	void detachFromRequest() {
		HttpServletRequest request = this.request;
		Assert.state(request != null, "The exchange is detached from its request already");
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		Enumeration<String> names = request.getHeaderNames();
		while (names.hasMoreElements()) {
			String name = names.nextElement();
			headers.putIfAbsent(name, request.getHeader(name));
		}
		this.headers = headers;
		this.request = null;
	}

	PostResponseStream stream() {
		Assert.state(this.stream != null, "A notification has no response stream");
		return this.stream;
	}

}
