package dev.mcpspring.internal.method;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.NavigableMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import dev.mcpspring.McpException;
import dev.mcpspring.internal.wire.PaginatedResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cursor pagination over items kept in key order. The cursor is the opaque encoding of
 * the last key of the previous page, so pages stay consistent when items are added or
 * removed between calls.
 */
public final class Pagination {

	private Pagination() {
	}

	/**
	 * Returns the page the request's {@code cursor} asks for.
	 * @param <T> the item type
	 * @param <R> the listed form of an item
	 * @param params the request params
	 * @param items all items, by key
	 * @param pageSize the maximum number of items per page
	 * @param listName the result member holding the items
	 * @param mapper turns an item into its listed form
	 * @return the page
	 * @throws McpException when the cursor is not one this server issued
	 */
	public static <T, R> PaginatedResult page(ObjectNode params, NavigableMap<String, T> items, int pageSize,
			String listName, Function<T, R> mapper) {
		return page(params, items, pageSize, listName, mapper, (key) -> true);
	}

	/**
	 * Returns the page the request's {@code cursor} asks for, of the items whose keys are
	 * listed.
	 * @param <T> the item type
	 * @param <R> the listed form of an item
	 * @param params the request params
	 * @param items all items, by key
	 * @param pageSize the maximum number of items per page
	 * @param listName the result member holding the items
	 * @param mapper turns an item into its listed form
	 * @param listed whether an item's key is listed
	 * @return the page
	 * @throws McpException when the cursor is not one this server issued
	 */
	public static <T, R> PaginatedResult page(ObjectNode params, NavigableMap<String, T> items, int pageSize,
			String listName, Function<T, R> mapper, Predicate<String> listed) {
		String after = decode(params.get("cursor"));
		NavigableMap<String, T> rest = (after != null) ? items.tailMap(after, false) : items;
		List<R> page = new ArrayList<>(Math.min(pageSize, rest.size()));
		@Nullable String lastKey = null;
		for (var entry : rest.entrySet()) {
			if (!listed.test(entry.getKey())) {
				continue;
			}
			if (page.size() == pageSize) {
				Assert.state(lastKey != null, "The page size must be positive");
				return new PaginatedResult(listName, page, encode(lastKey));
			}
			page.add(mapper.apply(entry.getValue()));
			lastKey = entry.getKey();
		}
		return new PaginatedResult(listName, page, null);
	}

	public static String encode(String key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Decodes a cursor.
	 * @param cursor the cursor member of the request, may be {@code null}
	 * @return the key it encodes, or {@code null} when there is no cursor
	 * @throws McpException when the cursor is malformed
	 */
	public static @Nullable String decode(@Nullable JsonNode cursor) {
		if (cursor == null || cursor.isNull()) {
			return null;
		}
		if (!cursor.isString()) {
			throw McpException.invalidParams("Invalid cursor");
		}
		try {
			return new String(Base64.getUrlDecoder().decode(cursor.stringValue()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw McpException.invalidParams("Invalid cursor");
		}
	}

}
