package dev.mcpspring;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Hints about a tool's behaviour. A {@code null} hint is absent and means the protocol
 * default.
 *
 * @param title a human-readable name, or {@code null}
 * @param readOnlyHint whether the tool does not modify its environment
 * @param destructiveHint whether the tool may perform destructive updates
 * @param idempotentHint whether repeated calls with the same arguments have no extra effect
 * @param openWorldHint whether the tool interacts with external entities
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolAnnotations(@Nullable String title, @Nullable Boolean readOnlyHint,
		@Nullable Boolean destructiveHint, @Nullable Boolean idempotentHint, @Nullable Boolean openWorldHint) {
}
