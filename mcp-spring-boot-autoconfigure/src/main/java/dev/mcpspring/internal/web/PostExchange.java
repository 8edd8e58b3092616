package dev.mcpspring.internal.web;

import java.security.Principal;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import dev.mcpspring.internal.session.McpExchange;
import dev.mcpspring.internal.session.McpSession;
import dev.mcpspring.internal.wire.JsonRpcNotification;
import tools.jackson.databind.JsonNode;

/**
 * A message POSTed to the MCP endpoint. Messages related to a request go on its
 * response; a notification has no response stream.
 */
final class PostExchange extends McpExchange {

	private final McpSession session;

	private final String protocolVersion;

	private final @Nullable JsonNode requestId;

	private final @Nullable JsonNode progressToken;

	private final @Nullable Principal principal;

	private final @Nullable PostResponseStream stream;

	private @Nullable HttpServletRequest request;

	private Map<String, String> headers = Map.of();

	PostExchange(HttpServletRequest request, McpSession session, String protocolVersion, @Nullable JsonNode requestId,
			@Nullable JsonNode progressToken, @Nullable PostResponseStream stream) {
		this.request = request;
		this.session = session;
		this.protocolVersion = protocolVersion;
		this.requestId = requestId;
		this.progressToken = progressToken;
		this.principal = request.getUserPrincipal();
		this.stream = stream;
	}

	@Override
	public McpSession session() {
		return this.session;
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
		if (this.stream != null) {
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
