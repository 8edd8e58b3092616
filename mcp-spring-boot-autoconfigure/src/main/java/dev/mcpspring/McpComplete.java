package dev.mcpspring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a method of a Spring bean as the completion provider of one argument of a
 * prompt, or one variable of a resource template ({@code completion/complete}). Name
 * exactly one of {@link #prompt()} and {@link #resource()}.
 * <p>
 * Parameters are bound by name: the parameter named like {@link #argument()} (a
 * {@code String}) receives what the user has typed so far; parameters named like other
 * arguments receive their values from the request's {@code context.arguments} (converted
 * to the parameter's type; {@code null} or an empty {@code Optional} when not given). A
 * parameter of type {@link McpCompletionRequest} receives the whole request, one of type
 * {@link dev.mcpspring.McpContext} the request context.
 * <p>
 * Return the suggestions, most relevant first, as a collection, array or stream of
 * strings (only the first 100 are sent, with {@code total} and {@code hasMore} set), or
 * as a {@link dev.mcpspring.Completion}, or a {@code CompletionStage} of those (awaited).
 * The server does not filter them: match them against the typed value as suits the
 * domain.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface McpComplete {

	/**
	 * The name of the prompt whose argument this method completes.
	 * @return the prompt name
	 */
	String prompt() default "";

	/**
	 * The URI template of the resource template whose variable this method completes,
	 * as declared, such as {@code reports://{id}}.
	 * @return the URI template
	 */
	String resource() default "";

	/**
	 * The name of the prompt argument or URI template variable completed.
	 * @return the argument name
	 */
	String argument();

}
