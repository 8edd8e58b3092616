package dev.mcpspring;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * A client's answer to {@code sampling/createMessage}.
 *
 * @param role the role of the generated message
 * @param content the generated content block
 * @param model the model that generated it
 * @param stopReason why generation stopped, or {@code null}
 */
public record CreateMessageResult(String role, JsonNode content, String model, @Nullable String stopReason) {

	/**
	 * Returns the generated text.
	 * @return the text, or {@code null} when the content is not text
	 */
	public @Nullable String text() {
		JsonNode text = (this.content != null) ? this.content.get("text") : null;
		return (text != null) ? text.asString() : null;
	}

}
