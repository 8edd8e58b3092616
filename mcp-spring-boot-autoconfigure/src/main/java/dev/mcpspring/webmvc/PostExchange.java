package dev.mcpspring.webmvc;

import java.security.Principal;

import dev.mcpspring.protocol.JsonRpcNotification;
import dev.mcpspring.server.McpExchange;
import dev.mcpspring.server.McpSession;
import tools.jackson.databind.JsonNode;

/**
 * A message POSTed to the MCP endpoint. Messages related to a request go on its
 * response; a notification has no response stream.
 */
final class PostExchange extends McpExchange {

	private final McpSession session;

	private final String protocolVersion;

	private final JsonNode requestId;

	private final JsonNode progressToken;

	private final Principal principal;

	private final PostResponseStream stream;

	PostExchange(McpSession session, String protocolVersion, JsonNode requestId, JsonNode progressToken,
			Principal principal, PostResponseStream stream) {
		this.session = session;
		this.protocolVersion = protocolVersion;
		this.requestId = requestId;
		this.progressToken = progressToken;
		this.principal = principal;
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
	public JsonNode requestId() {
		return this.requestId;
	}

	@Override
	public JsonNode progressToken() {
		return this.progressToken;
	}

	@Override
	public Principal principal() {
		return this.principal;
	}

	@Override
	public void send(JsonRpcNotification message) {
		if (this.stream != null) {
			this.stream.send(message);
		}
	}

	PostResponseStream stream() {
		return this.stream;
	}

}
