package dev.mcpspring.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small MCP client over real HTTP for the resource, prompt and completion tests: one
 * session, JSON or SSE responses to POSTs, and a GET stream for server notifications.
 * Its method names follow the shared test harness ({@code dev.mcpspring.test}), so tests
 * can move to it unchanged.
 */
public final class SimpleMcpClient {

	/** The protocol version the client speaks. */
	public static final String VERSION = "2025-11-25";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final URI endpoint;

	private final AtomicLong ids = new AtomicLong();

	private String sessionId;

	private SimpleMcpClient(URI endpoint) {
		this.endpoint = endpoint;
	}

	public static SimpleMcpClient forLocalServer(int port) {
		return new SimpleMcpClient(URI.create("http://localhost:" + port + "/mcp"));
	}

	/**
	 * Initializes a session: {@code initialize}, then {@code notifications/initialized}.
	 * @return the initialize result
	 */
	public JsonNode connect() {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("protocolVersion", VERSION);
		params.put("capabilities", Map.of());
		params.put("clientInfo", Map.of("name", "simple-test-client", "version", "1.0.0"));
		HttpResponse<String> response = post(message(this.ids.incrementAndGet(), "initialize", params));
		this.sessionId = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
		JsonNode result = Response.of(response).result();
		HttpResponse<String> initialized = post(message(null, "notifications/initialized", null));
		if (initialized.statusCode() != 202) {
			throw new AssertionError("notifications/initialized answered " + initialized.statusCode());
		}
		return result;
	}

	public String sessionId() {
		return this.sessionId;
	}

	/**
	 * Sends a request.
	 * @param method the method
	 * @param params the params, or {@code null}
	 * @return the response
	 */
	public Response request(String method, Object params) {
		return Response.of(post(message(this.ids.incrementAndGet(), method, params)));
	}

	/**
	 * Sends a request and returns its result.
	 * @param method the method
	 * @param params the params, or {@code null}
	 * @return the result
	 * @throws AssertionError on an error response
	 */
	public JsonNode call(String method, Object params) {
		return request(method, params).result();
	}

	/**
	 * Opens the session's server-to-client stream (HTTP GET).
	 * @return the stream
	 */
	public EventStream openStream() {
		HttpRequest request = HttpRequest.newBuilder(this.endpoint)
			.header("Accept", "text/event-stream")
			.header("Mcp-Session-Id", this.sessionId)
			.header("MCP-Protocol-Version", VERSION)
			.GET()
			.build();
		try {
			HttpResponse<Stream<String>> response = this.http.send(request, HttpResponse.BodyHandlers.ofLines());
			if (response.statusCode() != 200) {
				throw new AssertionError("GET answered " + response.statusCode());
			}
			return new EventStream(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> message(Object id, String method, Object params) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("jsonrpc", "2.0");
		if (id != null) {
			message.put("id", id);
		}
		message.put("method", method);
		if (params != null) {
			message.put("params", params);
		}
		return message;
	}

	private HttpResponse<String> post(Object message) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.endpoint)
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message)));
		if (this.sessionId != null) {
			request.header("Mcp-Session-Id", this.sessionId).header("MCP-Protocol-Version", VERSION);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The response to a request: the JSON body, or the last message of an SSE body.
	 *
	 * @param status the HTTP status
	 * @param message the JSON-RPC response
	 */
	public record Response(int status, JsonNode message) {

		static Response of(HttpResponse<String> response) {
			String contentType = response.headers().firstValue("Content-Type").orElse("");
			String body = response.body();
			if (contentType.startsWith("text/event-stream")) {
				JsonNode last = null;
				for (String line : body.split("\n")) {
					if (line.startsWith("data:") && line.length() > 5 && !line.substring(5).isBlank()) {
						JsonNode event = JSON.readTree(line.substring(5).trim());
						if (event.has("result") || event.has("error")) {
							last = event;
						}
					}
				}
				return new Response(response.statusCode(), last);
			}
			return new Response(response.statusCode(), body.isEmpty() ? null : JSON.readTree(body));
		}

		/**
		 * Returns the result.
		 * @return the result
		 * @throws AssertionError when the response is an error
		 */
		public JsonNode result() {
			if (this.message == null || !this.message.has("result")) {
				throw new AssertionError("Expected a result, got " + this.status + " " + this.message);
			}
			return this.message.get("result");
		}

		/**
		 * Returns the error.
		 * @return the error object
		 * @throws AssertionError when the response is a result
		 */
		public JsonNode error() {
			if (this.message == null || !this.message.has("error")) {
				throw new AssertionError("Expected an error, got " + this.status + " " + this.message);
			}
			return this.message.get("error");
		}

	}

	/**
	 * A server-to-client SSE stream, read on a thread of its own.
	 */
	public static final class EventStream implements AutoCloseable {

		private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();

		private final Stream<String> lines;

		EventStream(Stream<String> lines) {
			this.lines = lines;
			Thread reader = new Thread(this::read, "sse-reader");
			reader.setDaemon(true);
			reader.start();
		}

		private void read() {
			try {
				this.lines.forEach((line) -> {
					if (line.startsWith("data:") && !line.substring(5).isBlank()) {
						this.messages.add(JSON.readTree(line.substring(5).trim()));
					}
				});
			}
			catch (RuntimeException ex) {
				// closed
			}
		}

		/**
		 * Waits for the next notification with the given method, skipping others.
		 * @param method the notification method
		 * @param timeout how long to wait
		 * @return the notification
		 * @throws AssertionError when none arrives in time
		 */
		public JsonNode nextNotification(String method, Duration timeout) {
			long deadline = System.nanoTime() + timeout.toNanos();
			try {
				while (true) {
					JsonNode message = this.messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
					if (message == null) {
						throw new AssertionError("No " + method + " within " + timeout);
					}
					if (method.equals(message.path("method").asString(null))) {
						return message;
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}

		/**
		 * Waits for the next message of any kind.
		 * @param timeout how long to wait
		 * @return the message, or {@code null} when none arrives in time
		 */
		public JsonNode next(Duration timeout) {
			try {
				return this.messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}

		@Override
		public void close() {
			this.lines.close();
		}

	}

}
