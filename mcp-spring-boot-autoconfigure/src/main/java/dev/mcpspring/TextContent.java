package dev.mcpspring;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Text content.
 *
 * @param text the text
 * @param annotations hints for the client, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "text" })
public record TextContent(String text, @Nullable Annotations annotations) implements Content {

	@Override
	@JsonProperty("type")
	public String type() {
		return "text";
	}

}
