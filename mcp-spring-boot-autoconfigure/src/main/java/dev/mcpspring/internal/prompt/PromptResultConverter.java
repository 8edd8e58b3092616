package dev.mcpspring.internal.prompt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.Content;
import dev.mcpspring.GetPromptResult;
import dev.mcpspring.PromptMessage;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns what a prompt method returned into a {@link GetPromptResult}.
 */
class PromptResultConverter {

	private final ObjectMapper mapper;

	PromptResultConverter(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	GetPromptResult convert(@Nullable Object value) {
		if (value instanceof GetPromptResult result) {
			return result;
		}
		if (value == null) {
			return new GetPromptResult(null, List.of());
		}
		if (value instanceof Collection<?> collection) {
			List<PromptMessage> messages = new ArrayList<>(collection.size());
			collection.forEach((element) -> messages.add(message(element)));
			return new GetPromptResult(null, messages);
		}
		return new GetPromptResult(null, List.of(message(value)));
	}

	private PromptMessage message(Object value) {
		if (value instanceof PromptMessage message) {
			return message;
		}
		if (value instanceof Content content) {
			return PromptMessage.user(content);
		}
		if (value instanceof CharSequence text) {
			return PromptMessage.user(text.toString());
		}
		return PromptMessage.user(this.mapper.writeValueAsString(value));
	}

}
