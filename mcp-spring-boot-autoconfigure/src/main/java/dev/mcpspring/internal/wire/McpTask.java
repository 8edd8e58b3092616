package dev.mcpspring.internal.wire;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A task as MCP clients see it ({@code Task}).
 *
 * @param taskId the task id
 * @param status {@code working}, {@code input_required}, {@code completed},
 * {@code failed} or {@code cancelled}
 * @param statusMessage a human-readable status, or {@code null}
 * @param createdAt when the task was created (ISO 8601)
 * @param lastUpdatedAt when the task last changed (ISO 8601)
 * @param ttl the retention applied, in milliseconds, or {@code null} for unlimited
 * @param pollInterval the suggested polling interval in milliseconds, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpTask(String taskId, String status, @Nullable String statusMessage, String createdAt,
		String lastUpdatedAt, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Long ttl, @Nullable Long pollInterval) {
}
