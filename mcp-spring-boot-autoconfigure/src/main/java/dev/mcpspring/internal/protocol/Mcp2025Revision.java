package dev.mcpspring.internal.protocol;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The 2025 family of revisions: 2025-03-26, 2025-06-18 and 2025-11-25. All three are
 * stateful: a client opens a session with {@code initialize}, which negotiates the
 * version, and sends its {@code Mcp-Session-Id} afterwards. They share one JSON shape,
 * each adding fields to the one before:
 * <ul>
 * <li>2025-03-26: tools (with annotations), resources and templates, prompts,
 * completions, logging, progress with a message; no {@code MCP-Protocol-Version} header
 * (it is assumed when a client sends none).</li>
 * <li>2025-06-18: {@code title} on tools, resources, prompts and
 * {@code serverInfo}; a tool's {@code outputSchema} and a result's
 * {@code structuredContent}; {@code resource_link} content; elicitation; the
 * {@code MCP-Protocol-Version} header on every request after {@code initialize}.</li>
 * <li>2025-11-25: tasks (the {@code tasks} capability, {@code params.task} on
 * {@code tools/call}, a tool's {@code execution.taskSupport}, {@code tasks/*} and
 * {@code notifications/tasks/status}).</li>
 * </ul>
 * Clients ignore members they do not know, so the server writes the same members for
 * all three, as it always has: the negotiated version only changes the
 * {@code protocolVersion} the client is told.
 */
final class Mcp2025Revision implements ProtocolRevision {

	private final String version;

	Mcp2025Revision(String version) {
		this.version = version;
	}

	@Override
	public String version() {
		return this.version;
	}

	@Override
	public InitializeResult initializeResult(Map<String, Object> capabilities, Implementation server,
			@Nullable String instructions) {
		return new InitializeResult(this.version, capabilities, server, instructions);
	}

}
