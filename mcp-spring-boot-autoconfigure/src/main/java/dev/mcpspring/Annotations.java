package dev.mcpspring;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Optional hints on content for the client: who it is for and how important it is.
 *
 * @param audience the intended audience ({@code "user"}, {@code "assistant"}), or {@code null}
 * @param priority importance from 0 to 1, or {@code null}
 * @param lastModified an ISO 8601 timestamp, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Annotations(@Nullable List<String> audience, @Nullable Double priority, @Nullable String lastModified) {
}
