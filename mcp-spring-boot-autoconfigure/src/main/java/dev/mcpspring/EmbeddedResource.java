package dev.mcpspring;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A resource embedded in a result.
 *
 * @param resource the resource contents
 * @param annotations hints for the client, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "resource" })
public record EmbeddedResource(ResourceContents resource, @Nullable Annotations annotations) implements Content {

	@Override
	@JsonProperty("type")
	public String type() {
		return "resource";
	}

}
