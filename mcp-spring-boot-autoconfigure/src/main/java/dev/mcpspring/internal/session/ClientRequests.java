package dev.mcpspring.internal.session;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import dev.mcpspring.McpException;
import dev.mcpspring.internal.wire.JsonRpcMessage;
import dev.mcpspring.internal.wire.RandomIds;
import tools.jackson.databind.JsonNode;

/**
 * Requests the server sent to clients (sampling, elicitation, ...) that wait for an
 * answer. Ids are random (128 bits), so they are unique across the instances of a
 * scaled-out server, and a response is routed by its id; it completes the request only
 * when it comes from the session the request was sent to. A session has at most a
 * maximum number of requests waiting; those of a session that ends fail at once.
 */
public class ClientRequests implements McpSessionListener {

	private static final Log logger = LogFactory.getLog(ClientRequests.class);

	private static final String ID_PREFIX = "mcp-";

	private static final Pattern ID = Pattern.compile(ID_PREFIX + "[0-9a-f]{32}");

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> bySession = new ConcurrentHashMap<>();

	private final Duration timeout;

	private final int maxPerSession;

	/**
	 * Creates the registry.
	 * @param timeout how long the server waits for a client's answer
	 * @param maxPerSession how many requests may wait for the client of one session
	 */
	public ClientRequests(Duration timeout, int maxPerSession) {
		this.timeout = timeout;
		this.maxPerSession = maxPerSession;
	}

	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * Starts waiting for the answer to a new request.
	 * @param sessionId the session whose client answers, or {@code null} for a request
	 * of no session
	 * @param counted whether the request counts toward the session's maximum and fails
	 * when the session ends (a background task's requests count toward the task's
	 * maximum instead)
	 * @return the id to send the request with
	 * @throws IllegalStateException when the session already has the maximum of
	 * requests waiting
	 */
	public String register(@Nullable String sessionId, boolean counted) {
		String id = ID_PREFIX + RandomIds.next();
		if (sessionId != null && counted) {
			this.bySession.compute(sessionId, (key, ids) -> {
				Set<String> result = (ids != null) ? ids : ConcurrentHashMap.newKeySet();
				if (result.size() >= this.maxPerSession) {
					throw new IllegalStateException("The client already has " + this.maxPerSession
							+ " requests (sampling, elicitation) waiting for an answer in this session");
				}
				result.add(id);
				return result;
			});
		}
		this.pending.put(id, new Pending(sessionId, counted, new CompletableFuture<>()));
		return id;
	}

	/**
	 * Returns the future answer of a registered request.
	 * @param id the request id
	 * @return the answer: the result, or an {@link McpException} for an error
	 */
	public CompletableFuture<JsonNode> answer(String id) {
		Pending request = this.pending.get(id);
		if (request == null) {
			throw new IllegalStateException("No pending client request " + id);
		}
		return request.answer();
	}

	/**
	 * Stops waiting for a request.
	 * @param id the request id
	 */
	public void forget(String id) {
		Pending request = this.pending.remove(id);
		if (request != null && request.sessionId() != null && request.counted()) {
			this.bySession.computeIfPresent(request.sessionId(), (key, ids) -> {
				ids.remove(id);
				return ids.isEmpty() ? null : ids;
			});
		}
	}

	/**
	 * Routes a response from a client to the request waiting for it, if it comes from the
	 * session the request was sent to; a response from another session is ignored.
	 * @param response the response
	 * @param sessionId the session the response came in, or {@code null}
	 * @return whether a request with the response's id waits in this process (answered,
	 * or not when the sessions differ); {@code false} tells that it may wait in another
	 */
	public boolean complete(JsonRpcMessage response, @Nullable String sessionId) {
		JsonNode id = response.id();
		Assert.notNull(id, "A response has an id");
		Pending request = this.pending.get(id.asString());
		if (request == null) {
			return false;
		}
		if (!Objects.equals(request.sessionId(), sessionId)) {
			logger.debug("Ignoring an answer to client request " + id.asString() + " from another session");
			return true;
		}
		JsonNode error = response.error();
		if (error != null) {
			request.answer()
				.completeExceptionally(new McpException(error.path("code").asInt(), error.path("message").asString(),
						error.get("data")));
		}
		else {
			request.answer().complete(response.result());
		}
		return true;
	}

	/**
	 * Fails the requests of an ended session, so that nothing waits for a client that
	 * is gone.
	 */
	@Override
	public void sessionEnded(String sessionId, boolean local) {
		Set<String> ids = this.bySession.remove(sessionId);
		if (ids != null) {
			for (String id : ids) {
				Pending request = this.pending.remove(id);
				if (request != null) {
					request.answer()
						.completeExceptionally(new IllegalStateException("The session ended before the client answered"));
				}
			}
		}
	}

	/**
	 * Returns whether a response's id has the form of the ids this class gives, so that
	 * some process may wait for it; others are not worth relaying.
	 * @param response the client's response
	 * @return whether its id could be one of ours
	 */
	public static boolean mayBeAwaited(JsonRpcMessage response) {
		JsonNode id = response.id();
		return id != null && id.isString() && ID.matcher(id.stringValue()).matches();
	}

	/**
	 * Returns the number of requests waiting for a client's answer.
	 * @return the number of requests
	 */
	public int pendingCount() {
		return this.pending.size();
	}

	private record Pending(@Nullable String sessionId, boolean counted, CompletableFuture<JsonNode> answer) {
	}

}
