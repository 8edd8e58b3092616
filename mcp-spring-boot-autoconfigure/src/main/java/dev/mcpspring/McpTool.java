package dev.mcpspring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exposes a method of a Spring bean as an MCP tool. Parameters become the tool's
 * arguments (JSON Schema generated from their types); a parameter of type
 * {@link dev.mcpspring.McpContext} receives the request context instead.
 * <p>
 * Return values: a {@code String} becomes text content; a
 * {@link dev.mcpspring.CallToolResult} or
 * {@link dev.mcpspring.Content} is sent as is; other objects become
 * {@code structuredContent} (with an advertised output schema) plus their JSON as text;
 * {@code void} gives empty content; a {@code CompletionStage} is awaited. An exception
 * gives a result with {@code isError: true} and the exception's message.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface McpTool {

	/**
	 * The tool name; defaults to the method name.
	 * @return the name
	 */
	String name() default "";

	/**
	 * A human-readable name.
	 * @return the title
	 */
	String title() default "";

	/**
	 * What the tool does, for the model.
	 * @return the description
	 */
	String description() default "";

	/**
	 * Whether the tool does not modify its environment.
	 * @return the read-only hint
	 */
	boolean readOnlyHint() default false;

	/**
	 * Whether the tool may perform destructive updates (meaningful when not read-only).
	 * @return the destructive hint
	 */
	boolean destructiveHint() default true;

	/**
	 * Whether calling the tool again with the same arguments has no further effect.
	 * @return the idempotent hint
	 */
	boolean idempotentHint() default false;

	/**
	 * Whether the tool interacts with an open world of external entities.
	 * @return the open-world hint
	 */
	boolean openWorldHint() default true;

	/**
	 * Whether the tool may be called as a background task.
	 * @return the task support
	 */
	Task task() default Task.DEFAULT;

	/**
	 * Whether a 2026-07-28 call that runs as a task first asks its questions on the call
	 * itself: the tool runs on the request until its first {@link McpContext#input input}
	 * (or {@code elicit}, {@code sample}) has every answer, through input-required rounds
	 * of the call; then the task is created with those answers and runs the tool again
	 * from the top. A run that asks nothing ends on the call, inline. Other calls are
	 * not affected.
	 * @return whether the first input is gathered before the task is created
	 */
	boolean inputBeforeTask() default false;

	/**
	 * Task support of a tool ({@code execution.taskSupport}).
	 */
	enum Task {

		/** Use {@code mcp.tasks.default-support}. */
		DEFAULT,

		/** The tool is never run as a task. */
		FORBIDDEN,

		/** The client chooses: a direct call or a task. */
		OPTIONAL,

		/** The tool must be called as a task. */
		REQUIRED

	}

}
