package dev.mcpspring;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.internal.wire.McpJson;
import tools.jackson.databind.JsonNode;

/**
 * A client's answer to {@code elicitation/create}.
 *
 * @param action {@code accept}, {@code decline} or {@code cancel}
 * @param content the submitted values when accepted, or {@code null}
 */
public record ElicitResult(String action, @Nullable JsonNode content) {

	public boolean isAccepted() {
		return "accept".equals(this.action);
	}

	/**
	 * Returns the submitted values as a Java object.
	 * @param <T> the type
	 * @param type the type
	 * @return the values, or {@code null} when there are none
	 */
	public <T> @Nullable T content(Class<T> type) {
		return (this.content != null) ? McpJson.mapper().treeToValue(this.content, type) : null;
	}

}
