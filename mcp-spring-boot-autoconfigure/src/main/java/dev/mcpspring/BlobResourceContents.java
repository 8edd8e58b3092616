package dev.mcpspring;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Binary contents of a resource.
 *
 * @param uri the resource URI
 * @param mimeType the MIME type, or {@code null}
 * @param blob the base64-encoded bytes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlobResourceContents(String uri, @Nullable String mimeType, String blob) implements ResourceContents {
}
