package dev.mcpspring;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A prompt as listed by {@code prompts/list}.
 *
 * @param name the unique name
 * @param title a human-readable name, or {@code null}
 * @param description what the prompt is for, or {@code null}
 * @param arguments the arguments, or {@code null} when there are none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prompt(String name, @Nullable String title, @Nullable String description,
		@Nullable List<PromptArgument> arguments) {
}
