package dev.mcpspring.autoconfigure;

/**
 * Thrown at startup when {@code mcp.tasks.encryption-key} is needed but missing (the
 * Redis store), or is not the base64 of 16, 24 or 32 bytes. The message never shows the
 * configured value. {@link McpEncryptionKeyFailureAnalyzer} explains it.
 */
public class McpEncryptionKeyException extends IllegalStateException {

	/** How to make a key. */
	static final String GENERATE = "openssl rand -base64 32";

	private final boolean missing;

	McpEncryptionKeyException(boolean missing) {
		super(missing
				? "mcp.docket.store=redis needs mcp.tasks.encryption-key, which is not set; generate one with: "
						+ GENERATE
				: "mcp.tasks.encryption-key must be the base64 of 16, 24 or 32 random bytes; generate one with: "
						+ GENERATE);
		this.missing = missing;
	}

	/**
	 * Returns whether the key is missing (rather than invalid).
	 * @return whether it is missing
	 */
	public boolean isMissing() {
		return this.missing;
	}

}
