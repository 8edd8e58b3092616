package dev.mcpspring.internal.resource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;

import dev.mcpspring.McpException;
import dev.mcpspring.ReadResourceResult;
import dev.mcpspring.ResourceContents;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns what a resource method returned into resource contents.
 */
class ResourceResultConverter {

	static final String TEXT = "text/plain";

	static final String BINARY = "application/octet-stream";

	static final String JSON = "application/json";

	private final ObjectMapper mapper;

	ResourceResultConverter(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Returns the MIME type the contents of a method returning the type will have.
	 * @param type the return type, {@code CompletionStage} and {@code Optional} unwrapped
	 * @return the MIME type, or {@code null} when the method decides
	 */
	static @Nullable String defaultMimeType(ResolvableType type) {
		Class<?> raw = type.toClass();
		if (CharSequence.class.isAssignableFrom(raw)) {
			return TEXT;
		}
		if (raw == byte[].class) {
			return BINARY;
		}
		if (raw == Object.class || ResourceContents.class.isAssignableFrom(raw)
				|| ReadResourceResult.class.isAssignableFrom(raw) || isContentsCollection(type)) {
			return null;
		}
		return JSON;
	}

	/**
	 * Returns whether a return type is a collection of resource contents.
	 * @param type the return type
	 * @return whether its elements are {@link ResourceContents}
	 */
	static boolean isContentsCollection(ResolvableType type) {
		if (!Collection.class.isAssignableFrom(type.toClass())) {
			return false;
		}
		Class<?> element = type.asCollection().resolveGeneric(0);
		return element != null && ResourceContents.class.isAssignableFrom(element);
	}

	/**
	 * Converts a return value.
	 * @param value the value
	 * @param uri the URI read
	 * @param mimeType the MIME type of text or binary contents, or {@code null} for the
	 * default of the value's type
	 * @return the contents
	 * @throws McpException {@code -32002} when the value is {@code null} or an empty
	 * {@code Optional}
	 */
	@SuppressWarnings("unchecked")
	List<ResourceContents> convert(@Nullable Object value, String uri, @Nullable String mimeType) {
		if (value instanceof Optional<?> optional) {
			value = optional.orElse(null);
		}
		if (value == null) {
			throw McpException.resourceNotFound(uri);
		}
		if (value instanceof ReadResourceResult result) {
			return result.contents();
		}
		if (value instanceof ResourceContents contents) {
			return List.of(contents);
		}
		if (value instanceof Collection<?> collection && !collection.isEmpty()
				&& collection.stream().allMatch(ResourceContents.class::isInstance)) {
			return new ArrayList<>((Collection<ResourceContents>) collection);
		}
		if (value instanceof CharSequence text) {
			return List.of(ResourceContents.text(uri, orDefault(mimeType, TEXT), text.toString()));
		}
		if (value instanceof byte[] bytes) {
			return List.of(ResourceContents.blob(uri, orDefault(mimeType, BINARY), bytes));
		}
		return List.of(ResourceContents.text(uri, orDefault(mimeType, JSON), this.mapper.writeValueAsString(value)));
	}

	private static String orDefault(@Nullable String mimeType, String fallback) {
		return (mimeType != null) ? mimeType : fallback;
	}

}
