package dev.mcpspring.test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal MCP client over Streamable HTTP for tests, speaking real HTTP with
 * {@link HttpClient}: it initializes a session, sends requests and notifications with
 * the session and protocol-version headers a real client sends, and reads responses as
 * JSON or SSE.
 * <p>
 * Typical use: <pre>{@code
 * McpTestClient client = McpTestClient.forLocalServer(port);
 * client.connect();                                  // initialize + notifications/initialized
 * McpResponse response = client.callTool("echo", Map.of("text", "hi"));
 * assertThat(response.text()).isEqualTo("hi");
 * try (McpEventStream stream = client.openStream()) {  // GET
 *     stream.nextNotification("notifications/tools/list_changed", Duration.ofSeconds(5));
 * }
 * McpResponse raw = client.raw().withoutHeader("Accept").body("{}").send();
 * }</pre>
 * Every message is a {@code Map}, a record or a {@link JsonNode}; params written as
 * {@code null} are left out. Requests get increasing numeric ids. Not thread-safe for
 * changing headers, but requests may be sent from several threads.
 */
public final class McpTestClient {

	/** The JSON mapper the client reads and writes messages with. */
	public static final JsonMapper JSON = JsonMapper.builder().build();

	/** The protocol version the client asks for by default. */
	public static final String LATEST_VERSION = "2025-11-25";

	/** The stateless protocol revision. */
	public static final String STATELESS_VERSION = "2026-07-28";

	/** The session header. */
	public static final String SESSION_ID = "Mcp-Session-Id";

	/** The protocol version header. */
	public static final String PROTOCOL_VERSION = "MCP-Protocol-Version";

	/** How long blocking calls wait for the server by default. */
	public static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI endpoint;

	private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	private final AtomicLong ids = new AtomicLong();

	private volatile String sessionId;

	private volatile String protocolVersion;

	private volatile Map<String, Object> capabilities = Map.of();

	private McpTestClient(URI endpoint) {
		this.endpoint = endpoint;
	}

	/**
	 * Creates a client for the endpoint at {@code /mcp} of a server on this machine.
	 * @param port the server port
	 * @return the client
	 */
	public static McpTestClient forLocalServer(int port) {
		return forLocalServer(port, "/mcp");
	}

	/**
	 * Creates a client for an endpoint of a server on this machine.
	 * @param port the server port
	 * @param path the endpoint path, including any servlet context path
	 * @return the client
	 */
	public static McpTestClient forLocalServer(int port, String path) {
		return forEndpoint(URI.create("http://localhost:" + port + path));
	}

	/**
	 * Creates a client for an endpoint.
	 * @param endpoint the endpoint URI
	 * @return the client
	 */
	public static McpTestClient forEndpoint(URI endpoint) {
		return new McpTestClient(endpoint);
	}

	/**
	 * Returns the endpoint the client talks to.
	 * @return the endpoint
	 */
	public URI endpoint() {
		return this.endpoint;
	}

	/**
	 * Adds a header to every later request (such as {@code Origin} or
	 * {@code Authorization}).
	 * @param name the header name
	 * @param value the value
	 * @return this client
	 */
	public McpTestClient header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	/**
	 * Sends HTTP Basic credentials with every later request.
	 * @param user the user name
	 * @param password the password
	 * @return this client
	 */
	public McpTestClient basicAuth(String user, String password) {
		return header("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Returns the session id the server assigned on initialize.
	 * @return the session id, or {@code null} before initialize
	 */
	public String sessionId() {
		return this.sessionId;
	}

	/**
	 * Uses a session id for later requests (or none, with {@code null}), such as one
	 * that was deleted or made up.
	 * @param sessionId the session id
	 * @return this client
	 */
	public McpTestClient sessionId(String sessionId) {
		this.sessionId = sessionId;
		return this;
	}

	/**
	 * Returns the protocol version sent in {@code MCP-Protocol-Version}.
	 * @return the version, or {@code null} before initialize
	 */
	public String protocolVersion() {
		return this.protocolVersion;
	}

	/**
	 * Sends another (or no, with {@code null}) {@code MCP-Protocol-Version} header on
	 * later requests.
	 * @param protocolVersion the version
	 * @return this client
	 */
	public McpTestClient protocolVersion(String protocolVersion) {
		this.protocolVersion = protocolVersion;
		return this;
	}

	/**
	 * Sets the capabilities the client declares on {@code initialize} (none by default).
	 * @param capabilities the capabilities, such as {@code Map.of("elicitation", Map.of())}
	 * @return this client
	 */
	public McpTestClient capabilities(Map<String, Object> capabilities) {
		this.capabilities = capabilities;
		return this;
	}

	/**
	 * Initializes a session the way real clients do: {@code initialize} with the
	 * latest version, then {@code notifications/initialized}.
	 * @return the {@code InitializeResult}
	 * @throws AssertionError when the server does not accept
	 */
	public JsonNode connect() {
		McpResponse response = initialize(LATEST_VERSION);
		JsonNode result = response.result();
		McpResponse initialized = notify("notifications/initialized", null);
		if (initialized.status() != 202) {
			throw new AssertionError("notifications/initialized was not accepted: " + initialized);
		}
		return result;
	}

	/**
	 * Sends {@code initialize} asking for a protocol version. On success the session id
	 * and negotiated version are used for later requests.
	 * @param version the version to ask for
	 * @return the response
	 */
	public McpResponse initialize(String version) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("protocolVersion", version);
		params.put("capabilities", this.capabilities);
		params.put("clientInfo", Map.of("name", "mcp-test-client", "version", "1.0.0"));
		McpResponse response = send(request(nextId(), "initialize", params));
		String id = response.header(SESSION_ID);
		if (response.status() == 200 && id != null) {
			this.sessionId = id;
			this.protocolVersion = response.result().path("protocolVersion").asString();
		}
		return response;
	}

	/**
	 * Sends a request and reads the whole response.
	 * @param method the method
	 * @param params the params, or {@code null}
	 * @return the response
	 */
	public McpResponse request(String method, Object params) {
		return send(request(nextId(), method, params));
	}

	/**
	 * Sends a request and returns its result.
	 * @param method the method
	 * @param params the params, or {@code null}
	 * @return the result
	 * @throws AssertionError when the server answers with an error or no response
	 */
	public JsonNode call(String method, Object params) {
		return request(method, params).result();
	}

	/**
	 * Calls a tool.
	 * @param name the tool name
	 * @param arguments the arguments, or {@code null}
	 * @return the response
	 */
	public McpResponse callTool(String name, Object arguments) {
		return request("tools/call", toolCall(name, arguments, null));
	}

	/**
	 * Calls a tool asking for progress notifications.
	 * @param name the tool name
	 * @param arguments the arguments, or {@code null}
	 * @param progressToken the progress token
	 * @return the response
	 */
	public McpResponse callTool(String name, Object arguments, Object progressToken) {
		return request("tools/call", toolCall(name, arguments, progressToken));
	}

	/**
	 * Builds the params of {@code tools/call}.
	 * @param name the tool name
	 * @param arguments the arguments, or {@code null}
	 * @param progressToken the progress token, or {@code null}
	 * @return the params
	 */
	public static Map<String, Object> toolCall(String name, Object arguments, Object progressToken) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("name", name);
		if (arguments != null) {
			params.put("arguments", arguments);
		}
		if (progressToken != null) {
			params.put("_meta", Map.of("progressToken", progressToken));
		}
		return params;
	}

	/**
	 * Lists every tool, following {@code nextCursor} through all pages.
	 * @return the tools, in the server's order
	 */
	public List<JsonNode> listAllTools() {
		List<JsonNode> tools = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = call("tools/list", (cursor != null) ? Map.of("cursor", cursor) : null);
			page.path("tools").forEach(tools::add);
			cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
		}
		while (cursor != null);
		return tools;
	}

	/**
	 * Finds a tool by name in the (whole) tool list.
	 * @param name the tool name
	 * @return the tool
	 * @throws AssertionError when there is no such tool
	 */
	public JsonNode tool(String name) {
		return listAllTools().stream()
			.filter((tool) -> name.equals(tool.path("name").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No tool named " + name));
	}

	/**
	 * Sends a notification.
	 * @param method the method
	 * @param params the params, or {@code null}
	 * @return the response (202 with no body when accepted)
	 */
	public McpResponse notify(String method, Object params) {
		return send(notification(method, params));
	}

	/**
	 * POSTs any JSON-RPC message (or any JSON value) with the client's headers.
	 * @param message the message
	 * @return the response
	 */
	public McpResponse send(Object message) {
		return raw().json(message).send();
	}

	/**
	 * POSTs a request and reads its response while it arrives, for SSE responses of
	 * long-running calls.
	 * @param method the method
	 * @param params the params, or {@code null}
	 * @return the stream, once the response headers have arrived
	 */
	public McpEventStream streamRequest(String method, Object params) {
		return streamRequest(nextId(), method, params);
	}

	/**
	 * POSTs a request with a chosen id (to cancel it later, say) and reads its response
	 * while it arrives.
	 * @param id the request id
	 * @param method the method
	 * @param params the params, or {@code null}
	 * @return the stream, once the response headers have arrived
	 */
	public McpEventStream streamRequest(Object id, String method, Object params) {
		return raw().json(request(id, method, params)).stream();
	}

	/**
	 * Opens the server-to-client SSE stream of the session (HTTP GET).
	 * @return the stream, once the response headers have arrived
	 */
	public McpEventStream openStream() {
		return raw().method("GET").withoutHeader("Content-Type").header("Accept", "text/event-stream").stream();
	}

	/**
	 * Ends the session (HTTP DELETE).
	 * @return the response
	 */
	public McpResponse delete() {
		return raw().method("DELETE").withoutHeader("Content-Type").send();
	}

	/**
	 * Starts a request with the client's usual headers ({@code Accept},
	 * {@code Content-Type}, session, protocol version, added headers), any of which can
	 * be replaced or removed, and no body.
	 * @return the request builder
	 */
	public RawRequest raw() {
		Map<String, String> current = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		current.put("Accept", "application/json, text/event-stream");
		current.put("Content-Type", "application/json");
		if (this.sessionId != null) {
			current.put(SESSION_ID, this.sessionId);
		}
		if (this.protocolVersion != null) {
			current.put(PROTOCOL_VERSION, this.protocolVersion);
		}
		current.putAll(this.headers);
		return new RawRequest(current);
	}

	/**
	 * Sends a stateless (2026-07-28) request with valid {@code _meta} (no client
	 * capabilities) and headers, and reads the whole response.
	 * @param method the method
	 * @param params the params besides {@code _meta}
	 * @return the response
	 */
	public McpResponse statelessRequest(String method, Map<String, Object> params) {
		Object name = params.containsKey("uri") ? params.get("uri") : params.get("name");
		return stateless(method, (name != null) ? name.toString() : null)
			.json(statelessBody(nextId(), method, params, Map.of()))
			.send();
	}

	/**
	 * Starts a stateless (2026-07-28) request: no session, and the headers
	 * {@code MCP-Protocol-Version}, {@code Mcp-Method} and, when given, {@code Mcp-Name}.
	 * @param method the method
	 * @param name the value of {@code Mcp-Name}, or {@code null} for none
	 * @return the request builder, without a body
	 */
	public RawRequest stateless(String method, String name) {
		RawRequest request = raw().withoutHeader(SESSION_ID)
			.header(PROTOCOL_VERSION, STATELESS_VERSION)
			.header("Mcp-Method", method);
		return (name != null) ? request.header("Mcp-Name", name) : request;
	}

	/**
	 * Builds the body of a stateless (2026-07-28) request: the params with {@code _meta}
	 * holding the protocol version, the client capabilities and client info, and any
	 * further entries given.
	 * @param id the id
	 * @param method the method
	 * @param params the params besides {@code _meta}
	 * @param meta further {@code _meta} entries (a log level, a progress token)
	 * @return the request
	 */
	public static ObjectNode statelessBody(Object id, String method, Map<String, Object> params,
			Map<String, Object> meta) {
		Map<String, Object> allMeta = new LinkedHashMap<>();
		allMeta.put("io.modelcontextprotocol/protocolVersion", STATELESS_VERSION);
		allMeta.put("io.modelcontextprotocol/clientCapabilities", Map.of());
		allMeta.put("io.modelcontextprotocol/clientInfo", Map.of("name", "mcp-test-client", "version", "1.0.0"));
		allMeta.putAll(meta);
		Map<String, Object> allParams = new LinkedHashMap<>(params);
		allParams.put("_meta", allMeta);
		return request(id, method, allParams);
	}

	/**
	 * Returns a fresh request id.
	 * @return the id
	 */
	public long nextId() {
		return this.ids.incrementAndGet();
	}

	/**
	 * Builds a JSON-RPC request.
	 * @param id the id
	 * @param method the method
	 * @param params the params, or {@code null}
	 * @return the request
	 */
	public static ObjectNode request(Object id, String method, Object params) {
		ObjectNode message = JSON.createObjectNode();
		message.put("jsonrpc", "2.0");
		message.set("id", JSON.valueToTree(id));
		message.put("method", method);
		if (params != null) {
			message.set("params", JSON.valueToTree(params));
		}
		return message;
	}

	/**
	 * Builds a JSON-RPC notification.
	 * @param method the method
	 * @param params the params, or {@code null}
	 * @return the notification
	 */
	public static ObjectNode notification(String method, Object params) {
		ObjectNode message = JSON.createObjectNode();
		message.put("jsonrpc", "2.0");
		message.put("method", method);
		if (params != null) {
			message.set("params", JSON.valueToTree(params));
		}
		return message;
	}

	/**
	 * An HTTP request to the endpoint under construction. Defaults to POST.
	 */
	public final class RawRequest {

		private final Map<String, String> headers;

		private String method = "POST";

		private BodyPublisher body = BodyPublishers.noBody();

		private RawRequest(Map<String, String> headers) {
			this.headers = headers;
		}

		/**
		 * Sets the HTTP method.
		 * @param method the method
		 * @return this request
		 */
		public RawRequest method(String method) {
			this.method = method;
			return this;
		}

		/**
		 * Sets a header, replacing a default.
		 * @param name the name
		 * @param value the value
		 * @return this request
		 */
		public RawRequest header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		/**
		 * Removes a header.
		 * @param name the name
		 * @return this request
		 */
		public RawRequest withoutHeader(String name) {
			this.headers.remove(name);
			return this;
		}

		/**
		 * Sets the body to a JSON value.
		 * @param message a map, record or {@link JsonNode}
		 * @return this request
		 */
		public RawRequest json(Object message) {
			return body(JSON.writeValueAsString(message));
		}

		/**
		 * Sets the body as text.
		 * @param body the body
		 * @return this request
		 */
		public RawRequest body(String body) {
			return body(body.getBytes(StandardCharsets.UTF_8));
		}

		/**
		 * Sets the body (sent with a {@code Content-Length}).
		 * @param body the body
		 * @return this request
		 */
		public RawRequest body(byte[] body) {
			this.body = BodyPublishers.ofByteArray(body);
			return this;
		}

		/**
		 * Sets the body, sent chunked without a {@code Content-Length}.
		 * @param body the body
		 * @return this request
		 */
		public RawRequest chunkedBody(byte[] body) {
			this.body = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
			return this;
		}

		/**
		 * Sends the request and reads the whole response.
		 * @return the response
		 */
		public McpResponse send() {
			try {
				var response = HTTP.send(build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
				return new McpResponse(response.statusCode(), response.headers(), response.body());
			}
			catch (IOException ex) {
				throw new AssertionError("HTTP " + this.method + " failed", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}

		/**
		 * Sends the request without waiting for the response.
		 * @return the response, when it is complete
		 */
		public CompletableFuture<McpResponse> sendAsync() {
			return HTTP.sendAsync(build(), BodyHandlers.ofString(StandardCharsets.UTF_8))
				.thenApply((response) -> new McpResponse(response.statusCode(), response.headers(), response.body()));
		}

		/**
		 * Sends the request and reads the response as it arrives.
		 * @return the stream, once the response headers have arrived
		 */
		public McpEventStream stream() {
			McpEventStream stream = new McpEventStream();
			HTTP.sendAsync(build(), stream.handler()).whenComplete((response, failure) -> {
				if (failure != null) {
					stream.failed(failure);
				}
			});
			return stream.awaitHeaders(TIMEOUT);
		}

		private HttpRequest build() {
			HttpRequest.Builder builder = HttpRequest.newBuilder(McpTestClient.this.endpoint)
				.timeout(Duration.ofMinutes(2))
				.method(this.method, this.body);
			this.headers.forEach(builder::header);
			return builder.build();
		}

	}

}
