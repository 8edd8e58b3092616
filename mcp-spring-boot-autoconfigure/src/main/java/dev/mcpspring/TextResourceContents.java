package dev.mcpspring;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Text contents of a resource.
 *
 * @param uri the resource URI
 * @param mimeType the MIME type, or {@code null}
 * @param text the text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TextResourceContents(String uri, @Nullable String mimeType, String text) implements ResourceContents {
}
