package dev.mcpspring.test.client;

import java.util.Arrays;

/**
 * The MCP protocol revisions that {@link McpTestClient} speaks.
 */
public enum McpRevision {

	/**
	 * Revision 2025-11-25: a session opened by {@code initialize}, responses as JSON or
	 * SSE, server-to-client requests on the response stream.
	 */
	V2025_11_25("2025-11-25"),

	/**
	 * Revision 2026-07-28: stateless requests that carry the protocol version and client
	 * capabilities in {@code _meta}, questions to the client as {@code input_required}
	 * rounds, tasks through the {@code io.modelcontextprotocol/tasks} extension.
	 */
	V2026_07_28("2026-07-28");

	private final String version;

	McpRevision(String version) {
		this.version = version;
	}

	/**
	 * Returns the revision of a protocol version string.
	 * @param version the version, such as {@code 2026-07-28}
	 * @return the revision
	 * @throws IllegalArgumentException when the client does not speak that version
	 */
	public static McpRevision of(String version) {
		for (McpRevision revision : values()) {
			if (revision.version.equals(version.strip())) {
				return revision;
			}
		}
		throw new IllegalArgumentException("Unknown MCP protocol revision '" + version + "', expected one of "
				+ Arrays.stream(values()).map(McpRevision::version).toList());
	}

	/**
	 * Returns the protocol version string, as sent on the wire.
	 * @return the version, such as {@code 2025-11-25}
	 */
	public String version() {
		return this.version;
	}

}
