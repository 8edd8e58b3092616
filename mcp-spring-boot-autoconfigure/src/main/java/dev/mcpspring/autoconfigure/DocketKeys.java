package dev.mcpspring.autoconfigure;

import dev.mcpspring.internal.docket.DocketKey;

/**
 * Reads {@code mcp.tasks.encryption-key}.
 */
final class DocketKeys {

	private DocketKeys() {
	}

	/**
	 * Returns the configured key.
	 * @param properties the tasks properties
	 * @param required whether the key must be set
	 * @return the key, or {@code null} when it is not set and not required
	 * @throws McpEncryptionKeyException when it is required and missing, or invalid
	 */
	static DocketKey of(McpTasksProperties properties, boolean required) {
		String base64 = properties.getEncryptionKey();
		if (base64 == null || base64.isBlank()) {
			if (required) {
				throw new McpEncryptionKeyException(true);
			}
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
