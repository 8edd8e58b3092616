package dev.mcpspring;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool as listed by {@code tools/list}.
 *
 * @param name the unique name
 * @param title a human-readable name, or {@code null}
 * @param description what the tool does, or {@code null}
 * @param inputSchema JSON Schema of the arguments (root type object)
 * @param outputSchema JSON Schema of {@code structuredContent}, or {@code null}
 * @param annotations behaviour hints, or {@code null}
 * @param execution task support, or {@code null} when tasks are not offered
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tool(String name, @Nullable String title, @Nullable String description, ObjectNode inputSchema,
		@Nullable ObjectNode outputSchema, @Nullable ToolAnnotations annotations, @Nullable ToolExecution execution) {

	public Tool withExecution(@Nullable ToolExecution execution) {
		return new Tool(this.name, this.title, this.description, this.inputSchema, this.outputSchema,
				this.annotations, execution);
	}

}
