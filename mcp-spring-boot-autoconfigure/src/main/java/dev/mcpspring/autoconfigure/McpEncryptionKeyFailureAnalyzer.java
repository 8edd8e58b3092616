package dev.mcpspring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link McpEncryptionKeyException}: why the key is needed and how to make one.
 */
class McpEncryptionKeyFailureAnalyzer extends AbstractFailureAnalyzer<McpEncryptionKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, McpEncryptionKeyException cause) {
		String description = cause.isMissing()
				? "mcp.docket.store is 'redis', but mcp.tasks.encryption-key is not set. Tasks in Redis carry "
						+ "propagated headers and the submitter's authentication, encrypted under that key, and "
						+ "pub/sub messages are authenticated with it, so that nobody else with access to the Redis "
						+ "can read them or forge a cancellation."
				: "mcp.tasks.encryption-key is not the base64 of 16, 24 or 32 bytes.";
		String action = "Generate a key with '" + McpEncryptionKeyException.GENERATE
				+ "' and set it as mcp.tasks.encryption-key (for example through the environment variable "
				+ "MCP_TASKS_ENCRYPTIONKEY), the same on every instance that shares the docket.";
		return new FailureAnalysis(description, action, cause);
	}

}
