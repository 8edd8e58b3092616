package dev.mcpspring.test;

import tools.jackson.databind.JsonNode;

/**
 * One Server-Sent Event as a client receives it.
 *
 * @param id the {@code id} field, or {@code null} when the event had none
 * @param event the {@code event} field, or {@code null}
 * @param data the {@code data} field (lines joined with {@code \n}), {@code ""} for an
 * empty data line, or {@code null} when the event had no data field at all
 * @param retry the {@code retry} field, or {@code null}
 */
public record SseEvent(String id, String event, String data, String retry) {

	/**
	 * Returns whether this is a priming event: an event id and empty data, as MCP servers
	 * send first on every stream so that clients can resume from it.
	 * @return whether the event primes the stream
	 */
	public boolean isPriming() {
		return this.id != null && !this.id.isEmpty() && "".equals(this.data);
	}

	/**
	 * Returns whether the event carries a message (non-empty data).
	 * @return whether there is data
	 */
	public boolean hasMessage() {
		return this.data != null && !this.data.isEmpty();
	}

	/**
	 * Parses the data as a JSON-RPC message.
	 * @return the message
	 */
	public JsonNode json() {
		return McpTestClient.JSON.readTree(this.data);
	}

}
