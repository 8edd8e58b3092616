package dev.mcpspring.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ObjectNode;

/**
 * Decides, before an MCP request is handled, whether the caller may make it (the scopes
 * of an OAuth2 token, for example); a refusal is answered {@code 403} with its
 * {@code WWW-Authenticate} challenge.
 */
@FunctionalInterface
public interface McpRequestAuthorizer {

	/**
	 * Checks one request.
	 * @param method the JSON-RPC method
	 * @param params the request's params
	 * @param request the HTTP request
	 * @return the refusal, or {@code null} when the request may proceed
	 */
	@Nullable Refusal check(String method, ObjectNode params, HttpServletRequest request);

	/**
	 * A refused request.
	 *
	 * @param challenge the value of the {@code WWW-Authenticate} header
	 * @param message the JSON-RPC error message
	 */
	record Refusal(String challenge, String message) {

	}

}
