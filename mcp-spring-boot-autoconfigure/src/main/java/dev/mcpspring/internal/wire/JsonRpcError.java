package dev.mcpspring.internal.wire;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code error} member of a JSON-RPC error response.
 *
 * @param code the error code
 * @param message a short description
 * @param data additional information, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonRpcError(int code, String message, @Nullable Object data) {
}
