package dev.mcpspring.internal.method;

/**
 * Decides, for the caller of a list request, which tools, prompts, resources and
 * resource templates the list shows (those the caller's token may use, for example).
 */
@FunctionalInterface
public interface McpListFilter {

	/** Lists everything. */
	McpListFilter ALL = (kind, key) -> true;

	/**
	 * Returns whether an item is listed for the current caller.
	 * @param kind what the item is
	 * @param key the tool or prompt name, resource URI or URI template
	 * @return whether the list shows it
	 */
	boolean isListed(Kind kind, String key);

	/**
	 * What a listed item is.
	 */
	enum Kind {

		/** A tool. */
		TOOL,

		/** A prompt. */
		PROMPT,

		/** A resource. */
		RESOURCE,

		/** A resource template. */
		RESOURCE_TEMPLATE

	}

}
