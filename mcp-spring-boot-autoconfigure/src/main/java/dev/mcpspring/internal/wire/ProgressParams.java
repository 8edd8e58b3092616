package dev.mcpspring.internal.wire;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code notifications/progress}.
 *
 * @param progressToken the token of the request the progress is for
 * @param progress the progress so far
 * @param total the total, or {@code null}
 * @param message a human-readable message, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressParams(JsonNode progressToken, double progress, @Nullable Double total,
		@Nullable String message) {
}
