package dev.mcpspring.test.app;

/**
 * What a tool saw of its {@link dev.mcpspring.McpContext}.
 *
 * @param sessionId the session id, or {@code null}
 * @param protocolVersion the protocol version of the request
 * @param requestId the JSON-RPC id of the request, as text
 * @param principal the caller's name, or {@code null} when anonymous
 * @param thread the name of the thread that looked
 * @param virtual whether that thread is virtual
 */
public record ContextReport(String sessionId, String protocolVersion, String requestId, String principal,
		String thread, boolean virtual) {
}
