package dev.mcpspring.internal.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonAnyGetter;

/**
 * One page of a list result (tools, prompts, resources, tasks): the items under their list name, and the cursor
 * of the next page when there is one.
 */
public final class PaginatedResult {

	private final Map<String, Object> members = new LinkedHashMap<>(2);

	/**
	 * Creates a page.
	 * @param listName the member holding the items, such as {@code "tools"}
	 * @param items the items of this page
	 * @param nextCursor the cursor of the next page, or {@code null} on the last page
	 */
	public PaginatedResult(String listName, List<?> items, @Nullable String nextCursor) {
		this.members.put(listName, items);
		if (nextCursor != null) {
			this.members.put("nextCursor", nextCursor);
		}
	}

	@JsonAnyGetter
	public Map<String, Object> members() {
		return this.members;
	}

}
