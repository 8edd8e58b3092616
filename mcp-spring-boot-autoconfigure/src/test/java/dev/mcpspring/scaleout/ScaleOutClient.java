package dev.mcpspring.scaleout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import dev.mcpspring.internal.wire.McpJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small MCP Streamable HTTP client for the scale-out tests: one session, which any
 * instance's URL can carry, since the instances share their sessions.
 */
final class ScaleOutClient {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final AtomicLong IDS = new AtomicLong();

	private final String sessionId;

	private ScaleOutClient(String sessionId) {
		this.sessionId = sessionId;
	}

	/**
	 * Initializes a session on an instance.
	 * @param url the instance's MCP endpoint
	 * @return a client of the new session
	 */
	static ScaleOutClient initialize(String url) throws Exception {
		return initialize(url, Map.of());
	}

	/**
	 * Initializes a session on an instance, declaring client capabilities.
	 * @param url the instance's MCP endpoint
	 * @param capabilities the client's capabilities
	 * @return a client of the new session
	 */
	static ScaleOutClient initialize(String url, Map<String, Object> capabilities) throws Exception {
		ObjectNode params = McpJson.mapper().createObjectNode().put("protocolVersion", "2025-11-25");
		params.set("capabilities", McpJson.mapper().valueToTree(capabilities));
		params.putObject("clientInfo").put("name", "scale-out-test").put("version", "1");
		HttpResponse<String> response = post(url, null, message("initialize", params, true));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("initialize answered " + response.statusCode() + ": " + response.body());
		}
		String sessionId = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
		ScaleOutClient client = new ScaleOutClient(sessionId);
		post(url, sessionId, message("notifications/initialized", null, false));
		return client;
	}

	String sessionId() {
		return this.sessionId;
	}

	/**
	 * Sends a request and returns its JSON-RPC response.
	 * @param url the instance's MCP endpoint
	 * @param method the method
	 * @param params the params
	 * @return the response message (with {@code result} or {@code error})
	 */
	JsonNode request(String url, String method, Object params) throws Exception {
		HttpResponse<String> response = post(url, this.sessionId, message(method, params, true));
		if (response.statusCode() != 200) {
			throw new HttpStatusException(response.statusCode(), response.body());
		}
		return responseMessage(response);
	}

	/**
	 * Sends a request without waiting for its response.
	 * @param url the instance's MCP endpoint
	 * @param id the request id
	 * @param method the method
	 * @param params the params
	 * @return the response to come
	 */
	CompletableFuture<HttpResponse<String>> requestAsync(String url, long id, String method, Object params) {
		ObjectNode message = message(method, params, false);
		message.put("id", id);
		return HTTP.sendAsync(postRequest(url, this.sessionId, message), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Sends a notification.
	 * @param url the instance's MCP endpoint
	 * @param method the method
	 * @param params the params
	 * @return the HTTP status
	 */
	int notify(String url, String method, Object params) throws Exception {
		return post(url, this.sessionId, message(method, params, false)).statusCode();
	}

	/**
	 * Answers a request the server sent.
	 * @param url the instance's MCP endpoint
	 * @param id the id of the server's request
	 * @param result the result
	 * @return the HTTP status
	 */
	int respond(String url, JsonNode id, Object result) throws Exception {
		ObjectNode message = McpJson.mapper().createObjectNode().put("jsonrpc", "2.0");
		message.set("id", id);
		message.set("result", McpJson.mapper().valueToTree(result));
		return post(url, this.sessionId, message).statusCode();
	}

	/**
	 * Sends a request and collects the messages of its response stream as they come.
	 * @param url the instance's MCP endpoint
	 * @param method the method
	 * @param params the params
	 * @return the response stream; close it when done
	 */
	EventStream requestStream(String url, String method, Object params) throws Exception {
		return stream(postRequest(url, this.sessionId, message(method, params, true)));
	}

	/**
	 * Ends the session.
	 * @param url the instance's MCP endpoint
	 * @return the HTTP status
	 */
	int delete(String url) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Mcp-Session-Id", this.sessionId)
			.header("MCP-Protocol-Version", "2025-11-25")
			.DELETE()
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/**
	 * Opens the server-to-client stream (HTTP GET) and collects its messages.
	 * @param url the instance's MCP endpoint
	 * @return the open stream; close it when done
	 */
	EventStream openStream(String url) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "text/event-stream")
			.header("Mcp-Session-Id", this.sessionId)
			.header("MCP-Protocol-Version", "2025-11-25")
			.GET()
			.build();
		return stream(request);
	}

	private static EventStream stream(HttpRequest request) throws Exception {
		EventStream stream = new EventStream();
		CompletableFuture<HttpResponse<Stream<String>>> opened = new CompletableFuture<>();
		HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept((response) -> {
			stream.lines = response.body();
			opened.complete(response);
			try {
				response.body().forEach((line) -> {
					if (line.startsWith("data:") && line.length() > 5) {
						stream.messages.add(McpJson.mapper().readTree(line.substring(5).trim()));
					}
				});
			}
			catch (RuntimeException ex) {
				// closed
			}
		}).exceptionally((ex) -> {
			opened.completeExceptionally(ex);
			return null;
		});
		HttpResponse<Stream<String>> response = opened.get(10, java.util.concurrent.TimeUnit.SECONDS);
		if (response.statusCode() != 200) {
			stream.close();
			throw new HttpStatusException(response.statusCode(), request.method() + " stream");
		}
		return stream;
	}

	/**
	 * An open server-to-client stream.
	 */
	static final class EventStream implements AutoCloseable {

		private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();

		private volatile Stream<String> lines;

		BlockingQueue<JsonNode> messages() {
			return this.messages;
		}

		@Override
		public void close() {
			Stream<String> lines = this.lines;
			if (lines != null) {
				lines.close();
			}
		}

	}

	private static ObjectNode message(String method, Object params, boolean request) {
		ObjectNode message = McpJson.mapper().createObjectNode().put("jsonrpc", "2.0");
		if (request) {
			message.put("id", IDS.incrementAndGet());
		}
		message.put("method", method);
		if (params != null) {
			message.set("params", McpJson.mapper().valueToTree(params));
		}
		return message;
	}

	private static HttpResponse<String> post(String url, String sessionId, JsonNode message)
			throws IOException, InterruptedException {
		return HTTP.send(postRequest(url, sessionId, message), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest postRequest(String url, String sessionId, JsonNode message) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(McpJson.mapper().writeValueAsString(message)));
		if (sessionId != null) {
			builder.header("Mcp-Session-Id", sessionId).header("MCP-Protocol-Version", "2025-11-25");
		}
		return builder.build();
	}

	private static JsonNode responseMessage(HttpResponse<String> response) {
		String body = response.body();
		if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
			List<String> data = body.lines().filter((line) -> line.startsWith("data:") && line.length() > 5).toList();
			for (int i = data.size() - 1; i >= 0; i--) {
				JsonNode message = McpJson.mapper().readTree(data.get(i).substring(5).trim());
				if (message.has("result") || message.has("error")) {
					return message;
				}
			}
			throw new IllegalStateException("No response in the event stream: " + body);
		}
		return McpJson.mapper().readTree(body);
	}

	/**
	 * An HTTP status other than 200.
	 */
	static final class HttpStatusException extends RuntimeException {

		private final int status;

		HttpStatusException(int status, String body) {
			super("HTTP " + status + ": " + body);
			this.status = status;
		}

		int status() {
			return this.status;
		}

	}

}
