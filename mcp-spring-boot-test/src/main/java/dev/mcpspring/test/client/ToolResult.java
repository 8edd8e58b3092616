package dev.mcpspring.test.client;

import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * The result of a tool call, with the notifications the server sent while answering
 * it.
 */
public final class ToolResult {

	private final JsonNode json;

	private final List<JsonNode> notifications;

	ToolResult(JsonNode json, List<JsonNode> notifications) {
		this.json = json;
		this.notifications = List.copyOf(notifications);
	}

	/**
	 * Returns the whole {@code CallToolResult}.
	 * @return the result as JSON
	 */
	public JsonNode json() {
		return this.json;
	}

	/**
	 * Returns whether the tool reported an error ({@code isError: true}).
	 * @return whether the result is an error
	 */
	public boolean isError() {
		return this.json.path("isError").asBoolean(false);
	}

	/**
	 * Returns the {@code content} blocks.
	 * @return the content array, or a missing node
	 */
	public JsonNode content() {
		return this.json.path("content");
	}

	/**
	 * Returns the text of the text content blocks, joined by new lines.
	 * @return the text, empty when there is none
	 */
	public String text() {
		return content().valueStream()
			.filter((block) -> "text".equals(block.path("type").asString()))
			.map((block) -> block.path("text").asString())
			.collect(Collectors.joining("\n"));
	}

	/**
	 * Returns the {@code structuredContent}.
	 * @return the structured content, or a missing node
	 */
	public JsonNode structuredContent() {
		return this.json.path("structuredContent");
	}

	/**
	 * Returns every notification the server sent while answering the call.
	 * @return the notifications, in order
	 */
	public List<JsonNode> notifications() {
		return this.notifications;
	}

	/**
	 * Returns the progress notifications the server sent while answering the call.
	 * @return the progress, in order
	 */
	public List<ProgressNotification> progress() {
		return notifications("notifications/progress").stream()
			.map((params) -> new ProgressNotification(params.path("progress").asDouble(),
					params.hasNonNull("total") ? params.get("total").asDouble() : null,
					params.hasNonNull("message") ? params.get("message").asString() : null))
			.toList();
	}

	/**
	 * Returns the params of the log messages ({@code notifications/message}) the server
	 * sent while answering the call: {@code level}, {@code logger}, {@code data}.
	 * @return the log messages, in order
	 */
	public List<JsonNode> logs() {
		return notifications("notifications/message");
	}

	private List<JsonNode> notifications(String method) {
		return this.notifications.stream()
			.filter((notification) -> method.equals(notification.path("method").asString()))
			.map((notification) -> notification.path("params"))
			.toList();
	}

	@Override
	public String toString() {
		return this.json.toString();
	}

}
