package dev.mcpspring.test.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fluent MCP client for tests, over real HTTP, speaking either protocol revision
 * ({@link McpRevision}). It lists and calls tools, runs tools as tasks and waits for
 * their outcome, captures progress and log notifications, answers the server's
 * elicitation and sampling requests with configured responses, reads resources, gets
 * prompts and completes arguments.
 * <p>
 * With revision 2025-11-25 the client opens a session ({@code initialize}) on its first
 * request; with 2026-07-28 every request is stateless. In a
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} test, a client pointed at the
 * application's MCP endpoint can be injected; otherwise create one with
 * {@link #builder(URI)}: <pre>{@code
 * McpTestClient client = McpTestClient.builder(URI.create("http://localhost:8080/mcp"))
 *     .revision(McpRevision.V2026_07_28)
 *     .acceptElicitation(Map.of("confirm", true))
 *     .build();
 * ToolResult result = client.callTool("echo", Map.of("text", "hi"));
 * }</pre>
 * Requests may be sent from several threads.
 */
public final class McpTestClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String META_PREFIX = "io.modelcontextprotocol/";

	private static final String TASKS_EXTENSION = META_PREFIX + "tasks";

	private static final int MAX_INPUT_ROUNDS = 16;

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "mcp-test-client-watchdog");
		thread.setDaemon(true);
		return thread;
	});

	private final URI endpoint;

	private final McpRevision revision;

	private final Map<String, String> headers;

	private final Duration timeout;

	private final @Nullable Function<JsonNode, Object> elicitation;

	private final @Nullable Function<JsonNode, Object> sampling;

	private final @Nullable String logLevel;

	private final AtomicLong ids = new AtomicLong();

	private final Object sessionLock = new Object();

	private volatile @Nullable String sessionId;

	private volatile @Nullable String negotiatedVersion;

	private volatile @Nullable Map<String, Map<String, String>> headerParameters;

	private McpTestClient(Builder builder) {
		this.endpoint = builder.endpoint;
		this.revision = builder.revision;
		this.headers = Map.copyOf(builder.headers);
		this.timeout = builder.timeout;
		this.elicitation = builder.elicitation;
		this.sampling = builder.sampling;
		this.logLevel = builder.logLevel;
	}

	/**
	 * Creates a client for an MCP endpoint that speaks revision 2025-11-25 with no
	 * configured answers.
	 * @param endpoint the endpoint URI, such as {@code http://localhost:8080/mcp}
	 * @return the client
	 */
	public static McpTestClient create(URI endpoint) {
		return builder(endpoint).build();
	}

	/**
	 * Starts building a client for an MCP endpoint, such as
	 * {@code http://localhost:8080/api/mcp}.
	 * @param endpoint the endpoint URI
	 * @return the builder
	 */
	public static Builder builder(URI endpoint) {
		return new Builder(endpoint);
	}

	/**
	 * Starts building a client configured like this one (endpoint, revision, headers,
	 * answers), with a session of its own.
	 * @return the builder
	 */
	public Builder mutate() {
		Builder builder = new Builder(this.endpoint).revision(this.revision).timeout(this.timeout);
		this.headers.forEach(builder::header);
		builder.elicitation = this.elicitation;
		builder.sampling = this.sampling;
		builder.logLevel = this.logLevel;
		return builder;
	}

	/**
	 * Returns a client configured like this one that speaks another revision.
	 * @param revision the revision
	 * @return the new client
	 */
	public McpTestClient withRevision(McpRevision revision) {
		return mutate().revision(revision).build();
	}

	/**
	 * Returns the endpoint the client talks to.
	 * @return the endpoint
	 */
	public URI endpoint() {
		return this.endpoint;
	}

	/**
	 * Returns the revision the client speaks.
	 * @return the revision
	 */
	public McpRevision revision() {
		return this.revision;
	}

	/**
	 * Returns the id of the client's session (revision 2025-11-25), opening it when
	 * needed.
	 * @return the session id, or {@code null} when the server uses no sessions or the
	 * revision has none
	 */
	public @Nullable String sessionId() {
		if (this.revision == McpRevision.V2025_11_25) {
			ensureSession();
		}
		return this.sessionId;
	}

	/**
	 * Lists every tool, following {@code nextCursor} through all pages.
	 * @return the tools, in the server's order
	 */
	public List<JsonNode> listTools() {
		return listAll("tools/list", "tools");
	}

	/**
	 * Lists every resource.
	 * @return the resources, in the server's order
	 */
	public List<JsonNode> listResources() {
		return listAll("resources/list", "resources");
	}

	/**
	 * Lists every resource template.
	 * @return the resource templates, in the server's order
	 */
	public List<JsonNode> listResourceTemplates() {
		return listAll("resources/templates/list", "resourceTemplates");
	}

	/**
	 * Lists every prompt.
	 * @return the prompts, in the server's order
	 */
	public List<JsonNode> listPrompts() {
		return listAll("prompts/list", "prompts");
	}

	/**
	 * Calls a tool, answering the server's questions on the way with the configured
	 * responses, and captures the notifications sent while it runs.
	 * @param name the tool name
	 * @param arguments the arguments
	 * @return the result, which may be a tool error ({@code isError})
	 * @throws McpErrorException when the server answers with a JSON-RPC error
	 */
	public ToolResult callTool(String name, Map<String, ?> arguments) {
		Reply reply = exchange("tools/call", toolCall(name, arguments), name, false);
		return new ToolResult(reply.result("tools/call"), reply.notifications());
	}

	/**
	 * Calls a tool as a task and waits for the task's outcome.
	 * @param name the tool name
	 * @param arguments the arguments
	 * @return the outcome
	 * @see #startTask(String, Map)
	 * @see #awaitTask(String)
	 */
	public TaskOutcome callToolAsTask(String name, Map<String, ?> arguments) {
		ObjectNode params = toolCall(name, arguments);
		if (this.revision == McpRevision.V2025_11_25) {
			params.putObject("task");
			Reply reply = exchange("tools/call", params, name, true);
			return awaitTask(reply.result("tools/call").path("task").path("taskId").asString());
		}
		Reply reply = exchange("tools/call", params, name, true);
		JsonNode result = reply.result("tools/call");
		if ("task".equals(result.path("resultType").asString())) {
			return awaitTask(result.path("taskId").asString());
		}
		return new TaskOutcome(null, result.path("isError").asBoolean(false) ? "failed" : "completed", null,
				new ToolResult(result, reply.notifications()), null);
	}

	/**
	 * Calls a tool as a task and returns once the task exists.
	 * @param name the tool name
	 * @param arguments the arguments
	 * @return the task id
	 * @throws AssertionError when the server answered without creating a task
	 */
	public String startTask(String name, Map<String, ?> arguments) {
		ObjectNode params = toolCall(name, arguments);
		if (this.revision == McpRevision.V2025_11_25) {
			params.putObject("task");
		}
		JsonNode result = exchange("tools/call", params, name, true).result("tools/call");
		JsonNode task = result.has("task") ? result.get("task") : result;
		if (!task.hasNonNull("taskId")) {
			throw new AssertionError("The server created no task for " + name + ": " + result);
		}
		return task.get("taskId").asString();
	}

	/**
	 * Returns the current state of a task ({@code tasks/get}).
	 * @param taskId the task id
	 * @return the task: {@code status}, {@code statusMessage}, and with 2026-07-28 the
	 * outcome inline ({@code result}, {@code error} or {@code inputRequests})
	 */
	public JsonNode getTask(String taskId) {
		return exchange("tasks/get", taskParams(taskId), taskId, true).result("tasks/get");
	}

	/**
	 * Cancels a task ({@code tasks/cancel}).
	 * @param taskId the task id
	 */
	public void cancelTask(String taskId) {
		exchange("tasks/cancel", taskParams(taskId), taskId, true).result("tasks/cancel");
	}

	/**
	 * Waits for a task to end, answering its questions with the configured responses:
	 * with 2025-11-25 through {@code tasks/result} (questions arrive on its stream),
	 * with 2026-07-28 by polling {@code tasks/get} (questions answered with
	 * {@code tasks/update}).
	 * @param taskId the task id
	 * @return the outcome
	 * @throws AssertionError when the task does not end within the client's timeout
	 */
	public TaskOutcome awaitTask(String taskId) {
		if (this.revision == McpRevision.V2025_11_25) {
			Reply reply = exchange("tasks/result", taskParams(taskId), taskId, true);
			JsonNode task = getTask(taskId);
			JsonNode result = reply.response().path("result");
			return new TaskOutcome(taskId, task.path("status").asString(), text(task, "statusMessage"),
					result.isObject() ? new ToolResult(result, reply.notifications()) : null,
					reply.response().get("error"));
		}
		long deadline = System.nanoTime() + this.timeout.toNanos();
		Set<String> answered = new HashSet<>();
		while (true) {
			JsonNode task = getTask(taskId);
			String status = task.path("status").asString();
			if (TaskOutcome.TERMINAL.contains(status)) {
				return new TaskOutcome(taskId, status, text(task, "statusMessage"),
						task.path("result").isObject() ? new ToolResult(task.get("result"), List.of()) : null,
						task.get("error"));
			}
			if ("input_required".equals(status)) {
				ObjectNode responses = JSON.createObjectNode();
				task.path("inputRequests").properties().forEach((entry) -> {
					if (answered.add(entry.getKey())) {
						responses.set(entry.getKey(), answer(entry.getValue()));
					}
				});
				if (!responses.isEmpty()) {
					ObjectNode update = taskParams(taskId);
					update.set("inputResponses", responses);
					exchange("tasks/update", update, taskId, true).result("tasks/update");
					continue;
				}
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Task " + taskId + " did not end within " + this.timeout + ": " + task);
			}
			sleep(Math.min(Math.max(task.path("pollIntervalMs").asLong(100), 20), 500));
		}
	}

	/**
	 * Reads a resource, answering the server's questions on the way.
	 * @param uri the resource URI
	 * @return the {@code ReadResourceResult} ({@code contents})
	 * @throws McpErrorException when the server answers with a JSON-RPC error, such as
	 * an unknown resource
	 */
	public JsonNode readResource(String uri) {
		ObjectNode params = JSON.createObjectNode().put("uri", uri);
		return exchange("resources/read", params, uri, false).result("resources/read");
	}

	/**
	 * Gets a prompt, answering the server's questions on the way.
	 * @param name the prompt name
	 * @param arguments the arguments
	 * @return the {@code GetPromptResult} ({@code description}, {@code messages})
	 */
	public JsonNode getPrompt(String name, Map<String, String> arguments) {
		ObjectNode params = JSON.createObjectNode().put("name", name);
		params.set("arguments", JSON.valueToTree(arguments));
		return exchange("prompts/get", params, name, false).result("prompts/get");
	}

	/**
	 * Completes an argument of a prompt.
	 * @param prompt the prompt name
	 * @param argument the argument name
	 * @param value the value typed so far
	 * @return the completion values
	 */
	public List<String> completePromptArgument(String prompt, String argument, String value) {
		return complete(JSON.createObjectNode().put("type", "ref/prompt").put("name", prompt), argument, value);
	}

	/**
	 * Completes an argument of a resource template.
	 * @param uriTemplate the URI template, such as {@code reports://{id}}
	 * @param argument the argument name
	 * @param value the value typed so far
	 * @return the completion values
	 */
	public List<String> completeResourceArgument(String uriTemplate, String argument, String value) {
		return complete(JSON.createObjectNode().put("type", "ref/resource").put("uri", uriTemplate), argument, value);
	}

	/**
	 * Sends any request with the client's headers and returns its result, for methods
	 * the client has no method of its own for.
	 * @param method the method
	 * @param params the params
	 * @return the result
	 * @throws McpErrorException when the server answers with a JSON-RPC error
	 */
	public JsonNode request(String method, Map<String, ?> params) {
		ObjectNode node = JSON.valueToTree(params);
		JsonNode name = node.has("taskId") ? node.get("taskId") : node.has("uri") ? node.get("uri") : node.get("name");
		return exchange(method, node, (name != null) ? name.asString() : null, false).result(method);
	}

	/**
	 * Ends the client's session (revision 2025-11-25) with an HTTP {@code DELETE}; the
	 * next request opens a new one.
	 */
	public void closeSession() {
		synchronized (this.sessionLock) {
			String id = this.sessionId;
			if (id != null) {
				HttpRequest.Builder request = HttpRequest.newBuilder(this.endpoint).timeout(this.timeout).DELETE();
				this.headers.forEach(request::header);
				request.header("Mcp-Session-Id", id);
				send(request.build(), BodyHandlers.discarding());
				this.sessionId = null;
				this.negotiatedVersion = null;
			}
		}
	}

	private List<String> complete(ObjectNode ref, String argument, String value) {
		ObjectNode params = JSON.createObjectNode();
		params.set("ref", ref);
		params.putObject("argument").put("name", argument).put("value", value);
		JsonNode values = exchange("completion/complete", params, null, false).result("completion/complete")
			.path("completion")
			.path("values");
		return values.valueStream().map(JsonNode::asString).toList();
	}

	private List<JsonNode> listAll(String method, String field) {
		List<JsonNode> items = new ArrayList<>();
		String cursor = null;
		do {
			ObjectNode params = JSON.createObjectNode();
			if (cursor != null) {
				params.put("cursor", cursor);
			}
			JsonNode page = exchange(method, params, null, false).result(method);
			page.path(field).forEach(items::add);
			cursor = text(page, "nextCursor");
		}
		while (cursor != null);
		return items;
	}

	private ObjectNode toolCall(String name, Map<String, ?> arguments) {
		ObjectNode params = JSON.createObjectNode().put("name", name);
		params.set("arguments", JSON.valueToTree(arguments));
		params.putObject("_meta").put("progressToken", "progress-" + this.ids.incrementAndGet());
		return params;
	}

	private static ObjectNode taskParams(String taskId) {
		return JSON.createObjectNode().put("taskId", taskId);
	}

	/**
	 * Sends a request and reads its response; with 2026-07-28 retries it with the
	 * answers to each {@code input_required} round.
	 */
	private Reply exchange(String method, ObjectNode params, @Nullable String name, boolean tasks) {
		if (this.revision == McpRevision.V2025_11_25) {
			ensureSession();
			return post(method, params, sessionHeaders());
		}
		List<JsonNode> notifications = new ArrayList<>();
		ObjectNode round = params.deepCopy();
		for (int rounds = 0; rounds < MAX_INPUT_ROUNDS; rounds++) {
			Reply reply = post(method, statelessParams(round, tasks), statelessHeaders(method, name, round));
			notifications.addAll(reply.notifications());
			JsonNode result = reply.response().path("result");
			if (!"input_required".equals(result.path("resultType").asString())) {
				return new Reply(reply.response(), notifications);
			}
			ObjectNode responses = JSON.createObjectNode();
			result.path("inputRequests").properties().forEach((entry) -> responses.set(entry.getKey(), answer(entry.getValue())));
			round = params.deepCopy();
			round.set("inputResponses", responses);
			if (result.hasNonNull("requestState")) {
				round.set("requestState", result.get("requestState"));
			}
		}
		throw new AssertionError(method + " still asked for input after " + MAX_INPUT_ROUNDS + " rounds");
	}

	private ObjectNode statelessParams(ObjectNode params, boolean tasks) {
		ObjectNode copy = params.deepCopy();
		ObjectNode meta = copy.has("_meta") ? (ObjectNode) copy.get("_meta") : copy.putObject("_meta");
		meta.put(META_PREFIX + "protocolVersion", this.revision.version());
		ObjectNode capabilities = capabilities();
		if (tasks) {
			capabilities.putObject("extensions").putObject(TASKS_EXTENSION);
		}
		meta.set(META_PREFIX + "clientCapabilities", capabilities);
		meta.putObject(META_PREFIX + "clientInfo").put("name", "mcp-test-client").put("version", "1.0.0");
		if (this.logLevel != null) {
			meta.put(META_PREFIX + "logLevel", this.logLevel);
		}
		return copy;
	}

	private Map<String, String> statelessHeaders(String method, @Nullable String name, ObjectNode params) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("MCP-Protocol-Version", this.revision.version());
		headers.put("Mcp-Method", method);
		if (name != null) {
			headers.put("Mcp-Name", headerValue(name));
		}
		if ("tools/call".equals(method) && name != null) {
			headerParameters().getOrDefault(name, Map.of()).forEach((property, header) -> {
				JsonNode value = params.path("arguments").get(property);
				if (value != null && value.isValueNode() && !value.isNull()) {
					headers.put("Mcp-Param-" + header, headerValue(value.asString()));
				}
			});
		}
		return headers;
	}

	/**
	 * Returns, per tool, the arguments that the tool asks to be mirrored in
	 * {@code Mcp-Param-*} headers ({@code x-mcp-header} in its input schema).
	 */
	private Map<String, Map<String, String>> headerParameters() {
		Map<String, Map<String, String>> parameters = this.headerParameters;
		if (parameters == null) {
			Map<String, Map<String, String>> found = new LinkedHashMap<>();
			for (JsonNode tool : listTools()) {
				Map<String, String> headers = new LinkedHashMap<>();
				tool.path("inputSchema").path("properties").properties().forEach((property) -> {
					String header = text(property.getValue(), "x-mcp-header");
					if (header != null) {
						headers.put(property.getKey(), header);
					}
				});
				found.put(tool.path("name").asString(), headers);
			}
			parameters = found;
			this.headerParameters = parameters;
		}
		return parameters;
	}

	private static String headerValue(String value) {
		boolean plain = value.chars().allMatch((c) -> c >= 0x20 && c < 0x7f) && value.equals(value.strip());
		return plain ? value
				: "=?base64?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
	}

	private ObjectNode capabilities() {
		ObjectNode capabilities = JSON.createObjectNode();
		if (this.elicitation != null) {
			capabilities.putObject("elicitation");
		}
		if (this.sampling != null) {
			capabilities.putObject("sampling");
		}
		return capabilities;
	}

	private void ensureSession() {
		if (this.negotiatedVersion != null) {
			return;
		}
		synchronized (this.sessionLock) {
			if (this.negotiatedVersion != null) {
				return;
			}
			ObjectNode params = JSON.createObjectNode().put("protocolVersion", this.revision.version());
			params.set("capabilities", capabilities());
			params.putObject("clientInfo").put("name", "mcp-test-client").put("version", "1.0.0");
			Reply reply = post("initialize", params, Map.of());
			String version = reply.result("initialize").path("protocolVersion").asString();
			this.sessionId = reply.sessionId();
			this.negotiatedVersion = version;
			postMessage(notification("notifications/initialized", JSON.createObjectNode()), sessionHeaders());
			if (this.logLevel != null) {
				post("logging/setLevel", JSON.createObjectNode().put("level", this.logLevel), sessionHeaders())
					.result("logging/setLevel");
			}
		}
	}

	private Map<String, String> sessionHeaders() {
		Map<String, String> headers = new LinkedHashMap<>();
		String id = this.sessionId;
		if (id != null) {
			headers.put("Mcp-Session-Id", id);
		}
		headers.put("MCP-Protocol-Version", Objects.requireNonNullElse(this.negotiatedVersion, this.revision.version()));
		return headers;
	}

	/**
	 * POSTs a request and reads its response, as JSON or as an SSE stream on which the
	 * server may send notifications and (2025-11-25) requests of its own, answered at
	 * once.
	 */
	private Reply post(String method, ObjectNode params, Map<String, String> extraHeaders) {
		long id = this.ids.incrementAndGet();
		ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
		message.set("params", params);
		HttpResponse<InputStream> response = send(request(message, extraHeaders), BodyHandlers.ofInputStream());
		List<JsonNode> notifications = new ArrayList<>();
		JsonNode[] answer = new JsonNode[1];
		String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
		AtomicBoolean timedOut = new AtomicBoolean();
		InputStream stream = response.body();
		ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
			timedOut.set(true);
			closeQuietly(stream);
		}, this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		try (InputStream body = stream) {
			if (contentType.startsWith("text/event-stream")) {
				BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
				new SseReader(reader).read((data) -> {
					JsonNode event = parse(data, method);
					if (event.has("method") && event.has("id")) {
						postMessage(respond(event), extraHeaders);
					}
					else if (event.has("method")) {
						notifications.add(event);
					}
					else if (event.path("id").asLong() == id) {
						answer[0] = event;
						return true;
					}
					return false;
				});
			}
			else if (contentType.startsWith("application/json")) {
				answer[0] = parse(new String(body.readAllBytes(), StandardCharsets.UTF_8), method);
			}
		}
		catch (IOException ex) {
			throw new AssertionError(method + (timedOut.get() ? ": no response within " + this.timeout
					: ": reading the response failed"), ex);
		}
		finally {
			watchdog.cancel(false);
		}
		if (answer[0] == null) {
			throw new AssertionError(method + ": HTTP " + response.statusCode() + " " + contentType
					+ " without a JSON-RPC response");
		}
		return new Reply(answer[0], notifications, response.headers().firstValue("Mcp-Session-Id").orElse(null));
	}

	private static void closeQuietly(InputStream stream) {
		try {
			stream.close();
		}
		catch (IOException ex) {
			// the reader fails with its own exception
		}
	}

	private void postMessage(ObjectNode message, Map<String, String> extraHeaders) {
		HttpResponse<String> response = send(request(message, extraHeaders), BodyHandlers.ofString());
		if (response.statusCode() != 202) {
			throw new AssertionError("The server did not accept " + message + ": HTTP " + response.statusCode() + " "
					+ response.body());
		}
	}

	private HttpRequest request(ObjectNode message, Map<String, String> extraHeaders) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.endpoint)
			.timeout(this.timeout)
			.POST(BodyPublishers.ofString(JSON.writeValueAsString(message)));
		request.header("Accept", "application/json, text/event-stream");
		request.header("Content-Type", "application/json");
		this.headers.forEach(request::header);
		extraHeaders.forEach(request::setHeader);
		return request.build();
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		try {
			return HTTP.send(request, handler);
		}
		catch (IOException ex) {
			throw new AssertionError(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted", ex);
		}
	}

	/**
	 * Answers a request of the server (2025-11-25).
	 */
	private ObjectNode respond(JsonNode request) {
		ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
		response.set("id", request.get("id"));
		try {
			response.set("result", answer(request));
		}
		catch (IllegalStateException ex) {
			response.putObject("error").put("code", -32601).put("message", ex.getMessage());
		}
		return response;
	}

	/**
	 * Answers a question of the server ({@code method} and {@code params}) with the
	 * configured responses.
	 */
	private JsonNode answer(JsonNode request) {
		String method = request.path("method").asString();
		JsonNode params = request.path("params");
		Function<JsonNode, Object> handler = switch (method) {
			case "elicitation/create" -> this.elicitation;
			case "sampling/createMessage" -> this.sampling;
			case "roots/list" -> (ignored) -> Map.of("roots", List.of());
			case "ping" -> (ignored) -> Map.of();
			default -> null;
		};
		if (handler == null) {
			throw new IllegalStateException("The test client has no answer configured for " + method);
		}
		return JSON.valueToTree(handler.apply(params));
	}

	private static ObjectNode notification(String method, ObjectNode params) {
		ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method);
		message.set("params", params);
		return message;
	}

	private static JsonNode parse(String json, String method) {
		try {
			return JSON.readTree(json);
		}
		catch (JacksonException ex) {
			throw new AssertionError(method + ": the response is not JSON: " + json, ex);
		}
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted", ex);
		}
	}

	/**
	 * A JSON-RPC response with the notifications that came before it.
	 */
	private record Reply(JsonNode response, List<JsonNode> notifications, @Nullable String sessionId) {

		Reply(JsonNode response, List<JsonNode> notifications) {
			this(response, notifications, null);
		}

		JsonNode result(String method) {
			if (this.response.has("error")) {
				throw new McpErrorException(method, this.response.get("error"));
			}
			return this.response.path("result");
		}

	}

	/**
	 * Builds a {@link McpTestClient}.
	 */
	public static final class Builder {

		private final URI endpoint;

		private McpRevision revision = McpRevision.V2025_11_25;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private Duration timeout = Duration.ofSeconds(30);

		private @Nullable Function<JsonNode, Object> elicitation;

		private @Nullable Function<JsonNode, Object> sampling;

		private @Nullable String logLevel;

		private Builder(URI endpoint) {
			this.endpoint = endpoint;
		}

		/**
		 * Sets the protocol revision to speak (2025-11-25 unless set).
		 * @param revision the revision
		 * @return this builder
		 */
		public Builder revision(McpRevision revision) {
			this.revision = revision;
			return this;
		}

		/**
		 * Adds a header to every request, such as {@code Origin}.
		 * @param name the header name
		 * @param value the value
		 * @return this builder
		 */
		public Builder header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		/**
		 * Sends a bearer token with every request.
		 * @param token the token
		 * @return this builder
		 */
		public Builder bearerToken(String token) {
			return header("Authorization", "Bearer " + token);
		}

		/**
		 * Sets how long to wait for a response, and for a task to end (30 seconds unless
		 * set).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * Declares the elicitation capability and answers every elicitation request with
		 * the result the function returns for its params ({@code message},
		 * {@code requestedSchema}), such as
		 * {@code Map.of("action", "accept", "content", Map.of("confirm", true))}.
		 * @param answer the function from the request's params to the
		 * {@code ElicitResult}
		 * @return this builder
		 */
		public Builder elicitation(Function<JsonNode, Object> answer) {
			this.elicitation = answer;
			return this;
		}

		/**
		 * Declares the elicitation capability and accepts every elicitation request with
		 * the given content.
		 * @param content the content of the answer
		 * @return this builder
		 */
		public Builder acceptElicitation(Map<String, ?> content) {
			return elicitation((params) -> Map.of("action", "accept", "content", content));
		}

		/**
		 * Declares the elicitation capability and declines every elicitation request.
		 * @return this builder
		 */
		public Builder declineElicitation() {
			return elicitation((params) -> Map.of("action", "decline"));
		}

		/**
		 * Declares the sampling capability and answers every sampling request with the
		 * result the function returns for its params ({@code messages},
		 * {@code maxTokens}, ...).
		 * @param answer the function from the request's params to the
		 * {@code CreateMessageResult}
		 * @return this builder
		 */
		public Builder sampling(Function<JsonNode, Object> answer) {
			this.sampling = answer;
			return this;
		}

		/**
		 * Declares the sampling capability and answers every sampling request with an
		 * assistant message of the given text.
		 * @param text the text the "model" answers
		 * @return this builder
		 */
		public Builder samplingText(String text) {
			return sampling((params) -> Map.of("role", "assistant", "content", Map.of("type", "text", "text", text),
					"model", "mcp-test-client", "stopReason", "endTurn"));
		}

		/**
		 * Asks the server for log messages from the given level up ({@code debug},
		 * {@code info}, ...): {@code logging/setLevel} with 2025-11-25, the
		 * {@code logLevel} of {@code _meta} with 2026-07-28.
		 * @param level the level
		 * @return this builder
		 */
		public Builder logLevel(String level) {
			this.logLevel = level;
			return this;
		}

		/**
		 * Builds the client.
		 * @return the client
		 */
		public McpTestClient build() {
			return new McpTestClient(this);
		}

	}

}
