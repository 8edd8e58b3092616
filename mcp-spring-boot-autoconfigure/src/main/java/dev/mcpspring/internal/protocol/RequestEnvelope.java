package dev.mcpspring.internal.protocol;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.LoggingLevel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The per-request protocol fields of a 2026-07-28 request, read from
 * {@code params._meta}: what a session held in the 2025 revisions.
 *
 * @param protocolVersion the version the request claims
 * @param clientCapabilities the client's capabilities for this request ({@code {}} for
 * none)
 * @param clientInfo the client's name and version, or {@code null}
 * @param logLevel the least severe log level the client wants for this request, or
 * {@code null} for no log messages at all
 */
public record RequestEnvelope(String protocolVersion, ObjectNode clientCapabilities, @Nullable JsonNode clientInfo,
		@Nullable LoggingLevel logLevel) {

	/**
	 * Returns whether the client capabilities declare an extension.
	 * @param extension the extension identifier
	 * @return whether {@code extensions} names it
	 */
	public boolean declaresExtension(String extension) {
		JsonNode extensions = this.clientCapabilities.get("extensions");
		return extensions != null && extensions.isObject() && extensions.has(extension);
	}

}
