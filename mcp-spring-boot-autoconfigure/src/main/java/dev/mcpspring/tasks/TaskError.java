package dev.mcpspring.tasks;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The error a task failed with. Codes follow JSON-RPC's (such as {@code -32603} for an
 * internal error), so that an MCP client gets the error as it would for a call made
 * inline.
 *
 * @param code the error code
 * @param message a short description
 * @param data additional information, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskError(int code, String message, @Nullable Object data) {
}
