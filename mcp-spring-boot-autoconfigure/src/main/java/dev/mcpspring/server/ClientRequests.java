package dev.mcpspring.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import dev.mcpspring.protocol.JsonRpcMessage;
import dev.mcpspring.protocol.McpException;
import dev.mcpspring.protocol.RandomIds;
import tools.jackson.databind.JsonNode;

/**
 * Requests the server sent to clients (sampling, elicitation, ...) that wait for an
 * answer. Ids are random, so a response is routed by its id alone, whichever request or
 * session carries it.
 */
public class ClientRequests {

	private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

	private final Duration timeout;

	/**
	 * Creates the registry.
	 * @param timeout how long the server waits for a client's answer
	 */
	public ClientRequests(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * Starts waiting for the answer to a new request.
	 * @return the id to send the request with
	 */
	public String register() {
		String id = "mcp-" + RandomIds.next();
		this.pending.put(id, new CompletableFuture<>());
		return id;
	}

	/**
	 * Returns the future answer of a registered request.
	 * @param id the request id
	 * @return the answer: the result, or an {@link McpException} for an error
	 */
	public CompletableFuture<JsonNode> answer(String id) {
		CompletableFuture<JsonNode> answer = this.pending.get(id);
		if (answer == null) {
			throw new IllegalStateException("No pending client request " + id);
		}
		return answer;
	}

	/**
	 * Stops waiting for a request.
	 * @param id the request id
	 */
	public void forget(String id) {
		this.pending.remove(id);
	}

	/**
	 * Routes a response from a client to the request waiting for it.
	 * @param response the response
	 * @return whether a request was waiting for it
	 */
	public boolean complete(JsonRpcMessage response) {
		CompletableFuture<JsonNode> answer = this.pending.get(response.id().asString());
		if (answer == null) {
			return false;
		}
		JsonNode error = response.error();
		if (error != null) {
			answer.completeExceptionally(new McpException(error.path("code").asInt(), error.path("message").asString(),
					error.get("data")));
		}
		else {
			answer.complete(response.result());
		}
		return true;
	}

}
