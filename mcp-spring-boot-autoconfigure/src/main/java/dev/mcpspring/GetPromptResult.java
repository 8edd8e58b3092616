package dev.mcpspring;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of {@code prompts/get}. Prompt methods may return it to set the
 * description.
 *
 * @param description a description of the prompt as rendered, or {@code null}
 * @param messages the messages
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GetPromptResult(@Nullable String description, List<PromptMessage> messages) {

	public static GetPromptResult of(PromptMessage... messages) {
		return new GetPromptResult(null, List.of(messages));
	}

}
