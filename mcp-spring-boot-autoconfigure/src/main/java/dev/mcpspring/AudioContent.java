package dev.mcpspring;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Audio content.
 *
 * @param data the base64-encoded audio
 * @param mimeType the audio MIME type, such as {@code audio/wav}
 * @param annotations hints for the client, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "data", "mimeType" })
public record AudioContent(String data, String mimeType, @Nullable Annotations annotations) implements Content {

	@Override
	@JsonProperty("type")
	public String type() {
		return "audio";
	}

}
