package dev.mcpspring;

import java.util.List;

/**
 * The result of {@code resources/read}.
 *
 * @param contents the contents: one entry, or several for a resource with sub-resources
 */
public record ReadResourceResult(List<ResourceContents> contents) {
}
