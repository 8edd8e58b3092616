package dev.mcpspring.test;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A complete HTTP response from the MCP endpoint: status, headers and body, with the
 * body read as JSON or as a stream of Server-Sent Events according to its content type.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body as text ({@code ""} when there was none)
 */
public record McpResponse(int status, HttpHeaders headers, String body) {

	/**
	 * Returns a response header.
	 * @param name the header name (case-insensitive)
	 * @return the first value, or {@code null}
	 */
	public String header(String name) {
		return this.headers.firstValue(name).orElse(null);
	}

	/**
	 * Returns the {@code Content-Type} header.
	 * @return the content type, or {@code null}
	 */
	public String contentType() {
		return header("Content-Type");
	}

	/**
	 * Returns whether the body is {@code application/json}.
	 * @return whether it is JSON
	 */
	public boolean isJson() {
		return mediaTypeIs("application/json");
	}

	/**
	 * Returns whether the body is {@code text/event-stream}.
	 * @return whether it is SSE
	 */
	public boolean isEventStream() {
		return mediaTypeIs("text/event-stream");
	}

	/**
	 * Returns the body parsed as JSON.
	 * @return the JSON value
	 * @throws AssertionError when the body is not JSON
	 */
	public JsonNode json() {
		try {
			return McpTestClient.JSON.readTree(this.body);
		}
		catch (JacksonException ex) {
			throw new AssertionError("Body is not JSON (status " + this.status + "): " + this.body, ex);
		}
	}

	/**
	 * Returns the SSE events of the body.
	 * @return the events; empty when the body is not an event stream
	 */
	public List<SseEvent> events() {
		return isEventStream() ? SseParser.parse(this.body) : List.of();
	}

	/**
	 * Returns the JSON-RPC messages of the body, in order: the single JSON body, or the
	 * data of every SSE event that has some.
	 * @return the messages
	 */
	public List<JsonNode> messages() {
		if (isEventStream()) {
			return events().stream().filter(SseEvent::hasMessage).map(SseEvent::json).toList();
		}
		if (this.body.isEmpty()) {
			return List.of();
		}
		return List.of(json());
	}

	/**
	 * Returns the notifications (messages with a method and no id) of the body.
	 * @return the notifications, in order
	 */
	public List<JsonNode> notifications() {
		return messages().stream().filter((message) -> message.has("method") && !message.has("id")).toList();
	}

	/**
	 * Returns the notifications of one method.
	 * @param method the method, such as {@code notifications/progress}
	 * @return the notifications, in order
	 */
	public List<JsonNode> notifications(String method) {
		return notifications().stream().filter((message) -> method.equals(message.path("method").asString())).toList();
	}

	/**
	 * Returns the JSON-RPC response (a message with a result or an error) of the body.
	 * @return the response, if any
	 */
	public Optional<JsonNode> findResponse() {
		return messages().stream().filter((message) -> message.has("result") || message.has("error")).reduce((a, b) -> b);
	}

	/**
	 * Returns the JSON-RPC response of the body.
	 * @return the response
	 * @throws AssertionError when there is none
	 */
	public JsonNode response() {
		return findResponse().orElseThrow(() -> new AssertionError("No JSON-RPC response in: " + this));
	}

	/**
	 * Returns the {@code result} of the JSON-RPC response.
	 * @return the result
	 * @throws AssertionError when there is no result, such as for an error response
	 */
	public JsonNode result() {
		JsonNode response = response();
		if (!response.has("result")) {
			throw new AssertionError("Expected a result but got: " + response);
		}
		return response.get("result");
	}

	/**
	 * Returns the {@code error} of the JSON-RPC response.
	 * @return the error
	 * @throws AssertionError when the response is not an error
	 */
	public JsonNode error() {
		JsonNode response = response();
		if (!response.has("error")) {
			throw new AssertionError("Expected an error but got: " + response);
		}
		return response.get("error");
	}

	/**
	 * Returns the JSON-RPC error code of the response.
	 * @return the code
	 */
	public int errorCode() {
		return error().path("code").asInt();
	}

	/**
	 * Returns the text of every text content block of a tool result, joined by newlines.
	 * @return the text
	 */
	public String text() {
		return Stream.of(result().path("content"))
			.flatMap((content) -> content.valueStream())
			.filter((block) -> "text".equals(block.path("type").asString()))
			.map((block) -> block.path("text").asString())
			.reduce((a, b) -> a + "\n" + b)
			.orElse("");
	}

	/**
	 * Returns whether a tool result is marked {@code isError: true}.
	 * @return whether the tool failed
	 */
	public boolean isToolError() {
		return result().path("isError").asBoolean(false);
	}

	private boolean mediaTypeIs(String type) {
		String contentType = contentType();
		return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(type);
	}

	@Override
	public String toString() {
		return "HTTP " + this.status + " " + contentType() + " " + this.body;
	}

}
