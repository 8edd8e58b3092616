package dev.mcpspring.internal.protocol;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Name and version of an MCP implementation ({@code serverInfo}, {@code clientInfo}).
 *
 * @param name the programmatic name
 * @param title a human-readable name, or {@code null}
 * @param version the version
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Implementation(String name, @Nullable String title, String version) {
}
