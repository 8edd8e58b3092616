package dev.mcpspring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exposes a method of a Spring bean as an MCP prompt, listed by {@code prompts/list} and
 * rendered by {@code prompts/get}.
 * <p>
 * Parameters become the prompt's arguments, bound by name (describe them with
 * {@link McpPromptArg}); prompt arguments are strings on the wire and are converted to
 * the parameter's type (numbers, enums, dates, ...). An enum parameter's constants are
 * offered by {@code completion/complete}. A parameter of type
 * {@link dev.mcpspring.McpContext} receives the request context.
 * <p>
 * Return values: a {@code String} becomes one user message with that text; a
 * {@link dev.mcpspring.Content} one user message with that content; a
 * {@link dev.mcpspring.PromptMessage} or a list of messages, strings or contents
 * become the messages in order; a {@link dev.mcpspring.GetPromptResult} is sent
 * as is. A missing required argument is answered with {@code -32602}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface McpPrompt {

	/**
	 * The prompt name; defaults to the method name.
	 * @return the name
	 */
	String name() default "";

	/**
	 * A human-readable name.
	 * @return the title
	 */
	String title() default "";

	/**
	 * What the prompt is for.
	 * @return the description
	 */
	String description() default "";

}
