package dev.mcpspring.internal.protocol;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One MCP protocol revision as the dispatcher speaks it. Features answer with
 * revision-neutral types (the descriptors and results of {@code dev.mcpspring}); what a
 * revision writes differently on the wire is decided here, in one place per revision.
 * The revisions this server speaks are listed in {@link ProtocolVersions}.
 */
public interface ProtocolRevision {

	/**
	 * Returns the version string of this revision, as clients send and negotiate it.
	 * @return the version, for example {@code 2025-11-25}
	 */
	String version();

	/**
	 * Returns the answer to a client's {@code initialize} in this revision's shape.
	 * @param capabilities what the server and its features offer now, by name
	 * @param server the server's name and version
	 * @param instructions usage hints for the client, or {@code null}
	 * @return the result of {@code initialize}
	 */
	InitializeResult initializeResult(Map<String, Object> capabilities, Implementation server,
			@Nullable String instructions);

}
