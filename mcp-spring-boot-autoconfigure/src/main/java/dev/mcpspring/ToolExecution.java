package dev.mcpspring;

/**
 * How a tool may be executed ({@code Tool.execution}).
 *
 * @param taskSupport whether the tool may, must or must not be called as a task
 */
public record ToolExecution(TaskSupport taskSupport) {
}
