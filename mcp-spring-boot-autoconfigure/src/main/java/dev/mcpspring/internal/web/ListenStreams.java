package dev.mcpspring.internal.web;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;

import dev.mcpspring.McpException;
import dev.mcpspring.internal.docket.DaemonThreads;
import dev.mcpspring.internal.protocol.Mcp2026Revision;
import dev.mcpspring.internal.protocol.RequestEnvelope;
import dev.mcpspring.internal.session.McpSubscriptions;
import dev.mcpspring.internal.task.TaskNotifications;
import dev.mcpspring.internal.wire.ErrorCodes;
import dev.mcpspring.internal.wire.JsonRpcError;
import dev.mcpspring.internal.wire.JsonRpcResponse;
import dev.mcpspring.internal.wire.McpJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP side of {@code subscriptions/listen} (protocol 2026-07-28): a listen request
 * becomes a long-lived SSE response that starts with
 * {@code notifications/subscriptions/acknowledged} (the honoured subset of the requested
 * notifications) and then carries the list changes, resource updates and task status
 * changes ({@code notifications/tasks}, with the tasks extension) it asked for, each with
 * the request's id as {@code _meta["io.modelcontextprotocol/subscriptionId"]}.
 * Idle streams get SSE comments at the keep-alive interval. A client that closes the
 * stream, or reads it so slowly that more than the send buffer's events wait, ends its
 * subscription. On shutdown every stream is answered with the listen request's result and
 * closed.
 */
public class ListenStreams implements SmartLifecycle {

	/** The method of a listen request. */
	public static final String METHOD = "subscriptions/listen";

	/** The {@code _meta} key of the subscription id. */
	public static final String META_SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

	private static final byte[] KEEP_ALIVE = SseEvents.comment("keep-alive");

	private final McpSubscriptions subscriptions;

	private final Supplier<Map<String, Object>> capabilities;

	private final int maxResourceSubscriptions;

	private final int maxUriLength;

	private final @Nullable TaskNotifications tasks;

	private final int maxTaskIds;

	private final Duration keepAlive;

	private final int sendBuffer;

	private final Set<Stream> streams = ConcurrentHashMap.newKeySet();

	private @Nullable ScheduledExecutorService keepAliveTimer;

	private volatile boolean running;

	/**
	 * Creates the listen streams.
	 * @param subscriptions the registry the streams are registered with
	 * @param capabilities the server's capabilities now, which decide what is honoured
	 * @param maxResourceSubscriptions the most resource URIs one listen request may name
	 * @param maxUriLength the longest resource URI one listen request may name
	 * @param tasks decides which tasks a listen request may watch, or {@code null} when
	 * tasks are off (task ids are then not honoured)
	 * @param maxTaskIds the most task ids one listen request may name
	 * @param keepAlive the interval of keep-alive comments
	 * @param sendBuffer how many events may wait for a slow client before its stream is
	 * closed
	 */
	public ListenStreams(McpSubscriptions subscriptions, Supplier<Map<String, Object>> capabilities,
			int maxResourceSubscriptions, int maxUriLength, @Nullable TaskNotifications tasks, int maxTaskIds,
			Duration keepAlive, int sendBuffer) {
		this.subscriptions = subscriptions;
		this.capabilities = capabilities;
		this.maxResourceSubscriptions = maxResourceSubscriptions;
		this.maxUriLength = maxUriLength;
		this.tasks = tasks;
		this.maxTaskIds = maxTaskIds;
		this.keepAlive = keepAlive;
		this.sendBuffer = sendBuffer;
	}

	/**
	 * Answers a listen request that passed the revision's checks: with a JSON-RPC error
	 * when its filter is invalid, asks for task notifications without declaring the tasks
	 * extension ({@code -32021}, HTTP 400) or this instance holds the most streams
	 * allowed, else with the SSE stream of its subscription.
	 * @param id the request's id, the subscription id
	 * @param params the request's params
	 * @param envelope the request's envelope
	 * @param request the HTTP request
	 * @param response its response
	 * @throws IOException when the client has gone
	 */
	void listen(JsonNode id, ObjectNode params, RequestEnvelope envelope, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		McpSubscriptions.Filter filter;
		try {
			filter = honoured(params, envelope, request);
		}
		catch (McpException ex) {
			HttpStatus status = (ex.getCode() == ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY)
					? HttpStatus.BAD_REQUEST : HttpStatus.OK;
			McpHttpResponses.writeJson(response, status, JsonRpcResponse.error(id, ex.toError()));
			return;
		}
		if (!this.running) {
			McpHttpResponses.writeJson(response, HttpStatus.OK, JsonRpcResponse.error(id,
					new JsonRpcError(McpAsyncCalls.SERVER_UNAVAILABLE,
							"Unavailable: the server is shutting down; listen on another instance or later",
							Map.of("reason", "shutdown"))));
			return;
		}
		Stream stream = new Stream(id);
		Runnable unregister = this.subscriptions.open(filter, stream::send);
		if (unregister == null) {
			McpHttpResponses.writeJson(response, HttpStatus.OK, JsonRpcResponse.error(id,
					new JsonRpcError(McpAsyncCalls.SERVER_UNAVAILABLE,
							"Too many listen streams on this server (limit " + this.subscriptions.maxStreams()
									+ ", mcp.server.listen.max-streams); retry later or on another instance",
							Map.of("reason", "limit", "limit", "listen-streams"))));
			return;
		}
		stream.start(request, response, filter, unregister);
	}

	/**
	 * Reads the requested notifications and keeps those the server offers: list changes
	 * of the features that announce {@code listChanged}, resource updates when resources
	 * announce {@code subscribe}, status changes of the named tasks the caller may see when
	 * tasks are on.
	 */
	private McpSubscriptions.Filter honoured(ObjectNode params, RequestEnvelope envelope,
			HttpServletRequest request) {
		JsonNode notifications = params.get("notifications");
		if (notifications == null || !notifications.isObject()) {
			throw McpException.invalidParams(METHOD + " needs a \"notifications\" object");
		}
		Map<String, Object> capabilities = this.capabilities.get();
		boolean tools = flag(notifications, "toolsListChanged") && offers(capabilities, "tools", "listChanged");
		boolean prompts = flag(notifications, "promptsListChanged") && offers(capabilities, "prompts", "listChanged");
		boolean resources = flag(notifications, "resourcesListChanged")
				&& offers(capabilities, "resources", "listChanged");
		Set<String> uris = resourceSubscriptions(notifications.get("resourceSubscriptions"));
		Set<String> taskIds = taskIds(notifications.get("taskIds"), envelope);
		return new McpSubscriptions.Filter(tools, prompts, resources,
				offers(capabilities, "resources", "subscribe") ? uris : Set.of(),
				(this.tasks != null) ? this.tasks.visible(taskIds, request.getUserPrincipal()) : Set.of());
	}

	/**
	 * Reads the task ids a listen request names; naming any, even none, needs the tasks
	 * extension in the request's capabilities when tasks are on.
	 */
	private Set<String> taskIds(@Nullable JsonNode node, RequestEnvelope envelope) {
		if (node == null || node.isNull()) {
			return Set.of();
		}
		if (this.tasks != null && !envelope.declaresExtension(Mcp2026Revision.TASKS_EXTENSION)) {
			throw Mcp2026Revision.tasksExtensionRequired("\"notifications.taskIds\" of " + METHOD);
		}
		if (!node.isArray()) {
			throw McpException.invalidParams("\"notifications.taskIds\" must be an array of task ids");
		}
		if (node.size() > this.maxTaskIds) {
			throw McpException.invalidParams("\"notifications.taskIds\" names " + node.size()
					+ " tasks; a listen request may name at most " + this.maxTaskIds);
		}
		Set<String> taskIds = new LinkedHashSet<>();
		for (JsonNode taskId : node) {
			if (!taskId.isString()) {
				throw McpException.invalidParams("\"notifications.taskIds\" must hold task id strings");
			}
			taskIds.add(taskId.stringValue());
		}
		return taskIds;
	}

	private Set<String> resourceSubscriptions(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return Set.of();
		}
		if (!node.isArray()) {
			throw McpException.invalidParams("\"notifications.resourceSubscriptions\" must be an array of URIs");
		}
		if (node.size() > this.maxResourceSubscriptions) {
			throw McpException.invalidParams("\"notifications.resourceSubscriptions\" names " + node.size()
					+ " URIs; a listen request may name at most " + this.maxResourceSubscriptions);
		}
		Set<String> uris = new LinkedHashSet<>();
		for (JsonNode uri : node) {
			if (!uri.isString() || uri.stringValue().isEmpty()) {
				throw McpException.invalidParams("\"notifications.resourceSubscriptions\" must hold URI strings");
			}
			if (uri.stringValue().length() > this.maxUriLength) {
				throw McpException.invalidParams("A resource URI in \"notifications.resourceSubscriptions\" exceeds "
						+ this.maxUriLength + " characters");
			}
			uris.add(uri.stringValue());
		}
		return uris;
	}

	private static boolean flag(JsonNode notifications, String name) {
		JsonNode value = notifications.get(name);
		if (value != null && !value.isNull() && !value.isBoolean()) {
			throw McpException.invalidParams("\"notifications." + name + "\" must be a boolean");
		}
		return value != null && value.isBoolean() && value.booleanValue();
	}

	private static boolean offers(Map<String, Object> capabilities, String feature, String option) {
		return capabilities.get(feature) instanceof Map<?, ?> offered && Boolean.TRUE.equals(offered.get(option));
	}

	/**
	 * Returns the number of listen streams open to this process.
	 * @return the number of streams
	 */
	public int openStreams() {
		return this.streams.size();
	}

	@Override
	public synchronized void start() {
		if (this.keepAliveTimer == null) {
			ScheduledExecutorService timer = Executors
				.newSingleThreadScheduledExecutor(DaemonThreads.named("mcp-listen-keep-alive-"));
			long millis = this.keepAlive.toMillis();
			timer.scheduleWithFixedDelay(this::keepAlive, millis, millis, TimeUnit.MILLISECONDS);
			this.keepAliveTimer = timer;
		}
		this.running = true;
	}

	/**
	 * Ends every stream with the listen request's result, so that the web server's graceful
	 * shutdown does not wait for them.
	 */
	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.keepAliveTimer != null) {
			this.keepAliveTimer.shutdownNow();
			this.keepAliveTimer = null;
		}
		List.copyOf(this.streams).forEach(Stream::end);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return McpAsyncCalls.PHASE;
	}

	private void keepAlive() {
		for (Stream stream : this.streams) {
			stream.write(KEEP_ALIVE);
		}
	}

	/**
	 * One listen stream: its connection and its registration.
	 */
	private final class Stream {

		private final JsonNode id;

		private volatile @Nullable AsyncSseConnection connection;

		private volatile Runnable unregister = () -> {
		};

		Stream(JsonNode id) {
			this.id = id;
		}

		void start(HttpServletRequest request, HttpServletResponse response, McpSubscriptions.Filter filter,
				Runnable unregister) throws IOException {
			this.unregister = unregister;
			ListenStreams.this.streams.add(this);
			AsyncSseConnection connection;
			try {
				connection = AsyncSseConnection.start(request, response, 0, ListenStreams.this.sendBuffer);
			}
			catch (IOException | RuntimeException ex) {
				closed();
				throw ex;
			}
			connection.onClose(this::closed);
			// the acknowledgement goes first: changes are delivered once it is queued
			connection.write(SseEvents.data(json(acknowledgement(filter))));
			this.connection = connection;
			if (!ListenStreams.this.running) {
				end();
			}
		}

		boolean send(Object notification) {
			ObjectNode message = McpJson.mapper().valueToTree(notification);
			JsonNode params = message.get("params");
			ObjectNode stamped = (params != null && params.isObject()) ? (ObjectNode) params
					: message.putObject("params");
			stamped.putObject("_meta").set(META_SUBSCRIPTION_ID, this.id);
			// a change that comes before the acknowledgement is queued is not sent
			return write(SseEvents.data(message.toString()));
		}

		/**
		 * Writes to the connection; a client that has gone or fallen behind ends the
		 * subscription at once, before the container has finished with its connection.
		 */
		boolean write(byte[] bytes) {
			AsyncSseConnection connection = this.connection;
			if (connection == null || connection.write(bytes)) {
				return true;
			}
			closed();
			return false;
		}

		/**
		 * Ends the subscription on the server's side: the listen request's result, then
		 * the end of the response.
		 */
		void end() {
			this.unregister.run();
			ListenStreams.this.streams.remove(this);
			AsyncSseConnection connection = this.connection;
			if (connection != null) {
				Map<String, Object> result = new LinkedHashMap<>();
				result.put("resultType", "complete");
				result.put("_meta", Map.of(META_SUBSCRIPTION_ID, this.id));
				connection.write(SseEvents.data(json(JsonRpcResponse.result(this.id, result))));
				connection.close();
			}
		}

		private void closed() {
			this.unregister.run();
			ListenStreams.this.streams.remove(this);
		}

		private Map<String, Object> acknowledgement(McpSubscriptions.Filter filter) {
			Map<String, Object> honoured = new LinkedHashMap<>();
			if (filter.toolsListChanged()) {
				honoured.put("toolsListChanged", true);
			}
			if (filter.promptsListChanged()) {
				honoured.put("promptsListChanged", true);
			}
			if (filter.resourcesListChanged()) {
				honoured.put("resourcesListChanged", true);
			}
			if (!filter.resourceSubscriptions().isEmpty()) {
				honoured.put("resourceSubscriptions", filter.resourceSubscriptions());
			}
			if (!filter.taskIds().isEmpty()) {
				honoured.put("taskIds", filter.taskIds());
			}
			Map<String, Object> params = new LinkedHashMap<>();
			params.put("notifications", honoured);
			params.put("_meta", Map.of(META_SUBSCRIPTION_ID, this.id));
			Map<String, Object> notification = new LinkedHashMap<>();
			notification.put("jsonrpc", "2.0");
			notification.put("method", "notifications/subscriptions/acknowledged");
			notification.put("params", params);
			return notification;
		}

		private String json(Object value) {
			return McpJson.mapper().writeValueAsString(value);
		}

	}

}
