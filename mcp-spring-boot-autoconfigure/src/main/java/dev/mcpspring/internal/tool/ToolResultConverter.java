package dev.mcpspring.internal.tool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.CallToolResult;
import dev.mcpspring.Content;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns what a tool method returned into a {@link CallToolResult}.
 */
class ToolResultConverter {

	private static final CallToolResult EMPTY = new CallToolResult(List.of(), null, false, null);

	private final ObjectMapper mapper;

	ToolResultConverter(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@SuppressWarnings("unchecked")
	CallToolResult convert(@Nullable Object value) {
		if (value == null) {
			return EMPTY;
		}
		if (value instanceof CallToolResult result) {
			return result;
		}
		if (value instanceof CharSequence text) {
			return CallToolResult.text(text.toString());
		}
		if (value instanceof Content content) {
			return CallToolResult.of(content);
		}
		if (value instanceof Collection<?> collection && isContentList(collection)) {
			return CallToolResult.of(new ArrayList<>((Collection<Content>) collection));
		}
		JsonNode json = this.mapper.valueToTree(value);
		String text = json.isString() ? json.stringValue() : json.toString();
		return new CallToolResult(List.of(Content.text(text)), json.isObject() ? json : null, false, null);
	}

	private static boolean isContentList(Collection<?> collection) {
		return !collection.isEmpty() && collection.stream().allMatch(Content.class::isInstance);
	}

}
