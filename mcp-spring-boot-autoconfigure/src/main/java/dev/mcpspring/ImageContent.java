package dev.mcpspring;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Image content.
 *
 * @param data the base64-encoded image
 * @param mimeType the image MIME type, such as {@code image/png}
 * @param annotations hints for the client, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "data", "mimeType" })
public record ImageContent(String data, String mimeType, @Nullable Annotations annotations) implements Content {

	@Override
	@JsonProperty("type")
	public String type() {
		return "image";
	}

}
