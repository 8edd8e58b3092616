package dev.mcpspring;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An argument of a prompt. Prompt arguments are strings on the wire.
 *
 * @param name the name
 * @param title a human-readable name, or {@code null}
 * @param description what the argument means, or {@code null}
 * @param required whether the argument must be given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptArgument(String name, @Nullable String title, @Nullable String description, boolean required) {
}
