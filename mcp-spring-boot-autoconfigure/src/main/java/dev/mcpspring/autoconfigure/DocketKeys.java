package dev.mcpspring.autoconfigure;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.internal.docket.DocketKey;

/**
 * Reads {@code mcp.tasks.encryption-key}.
 */
final class DocketKeys {

	private DocketKeys() {
	}

	/**
	 * Returns the configured key, which must be set.
	 * @param properties the tasks properties
	 * @return the key
	 * @throws McpEncryptionKeyException when it is missing or invalid
	 */
	static DocketKey required(McpTasksProperties properties) {
		DocketKey key = optional(properties);
		if (key == null) {
			throw new McpEncryptionKeyException(true);
		}
		return key;
	}

	/**
	 * Returns the configured key, if any.
	 * @param properties the tasks properties
	 * @return the key, or {@code null} when it is not set
	 * @throws McpEncryptionKeyException when it is invalid
	 */
	static @Nullable DocketKey optional(McpTasksProperties properties) {
		return optional(properties.getEncryptionKey());
	}

	/**
	 * Reads a key, if one is set.
	 * @param base64 the value of {@code mcp.tasks.encryption-key}, or {@code null}
	 * @return the key, or {@code null} when it is not set
	 * @throws McpEncryptionKeyException when it is invalid
	 */
	static @Nullable DocketKey optional(@Nullable String base64) {
		if (base64 == null || base64.isBlank()) {
			return null;
		}
		try {
			return DocketKey.fromBase64(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new McpEncryptionKeyException(false);
		}
	}

}
