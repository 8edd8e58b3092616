package dev.mcpspring;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The result of a tool call. Tools may return it to control the content exactly (images,
 * audio, embedded resources, several blocks).
 *
 * @param content the content blocks
 * @param structuredContent a JSON object matching the tool's output schema, or {@code null}
 * @param isError whether the tool failed
 * @param meta the {@code _meta} member, or {@code null}
 */
@JsonPropertyOrder({ "content", "structuredContent", "isError", "_meta" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallToolResult(List<Content> content, @Nullable Object structuredContent,
		@JsonProperty("isError") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean isError,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	public static CallToolResult of(Content... content) {
		return new CallToolResult(List.of(content), null, false, null);
	}

	public static CallToolResult of(List<Content> content) {
		return new CallToolResult(List.copyOf(content), null, false, null);
	}

	public static CallToolResult text(String text) {
		return of(Content.text(text));
	}

	/**
	 * Returns a failed result whose single text block is the message.
	 * @param message what went wrong
	 * @return the result
	 */
	public static CallToolResult error(String message) {
		return new CallToolResult(List.of(Content.text(message)), null, true, null);
	}

	public CallToolResult withMeta(@Nullable Map<String, Object> meta) {
		return new CallToolResult(this.content, this.structuredContent, this.isError, meta);
	}

}
