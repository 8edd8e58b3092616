package dev.mcpspring;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A link to a resource the client may read.
 *
 * @param uri the resource URI
 * @param name the resource name
 * @param title a human-readable title, or {@code null}
 * @param description a description, or {@code null}
 * @param mimeType the MIME type, or {@code null}
 * @param annotations hints for the client, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "uri", "name" })
public record ResourceLink(String uri, String name, @Nullable String title, @Nullable String description,
		@Nullable String mimeType, @Nullable Annotations annotations) implements Content {

	@Override
	@JsonProperty("type")
	public String type() {
		return "resource_link";
	}

}
