package dev.mcpspring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exposes a method of a Spring bean as an MCP resource, read with
 * {@code resources/read}.
 * <p>
 * A fixed {@link #uri()} (such as {@code reports://regions}) makes a resource listed by
 * {@code resources/list}. A URI template with RFC 6570 level 1 variables (such as
 * {@code reports://{id}}) makes a resource template listed by
 * {@code resources/templates/list}: each variable is bound to the method parameter of
 * the same name, converted to its type (numbers, enums, dates, ...). A parameter of type
 * {@link dev.mcpspring.McpContext} receives the request context, one of type
 * {@link java.net.URI} the URI read.
 * <p>
 * Return values: a {@code String} becomes text contents, a {@code byte[]} binary
 * contents (base64 {@code blob}), both with {@link #mimeType()}; a
 * {@link dev.mcpspring.ResourceContents}, a list of them or a
 * {@link dev.mcpspring.ReadResourceResult} is sent as is; any other object
 * becomes its JSON as text ({@code application/json} unless {@link #mimeType()} says
 * otherwise). {@code null} or an empty {@code Optional} answers "resource not found"
 * ({@code -32002}); an {@code Optional} or a {@code CompletionStage} is unwrapped.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface McpResource {

	/**
	 * The URI of the resource, or a URI template with {@code {name}} variables.
	 * @return the URI or URI template
	 */
	String uri();

	/**
	 * The resource name; defaults to the method name.
	 * @return the name
	 */
	String name() default "";

	/**
	 * A human-readable name.
	 * @return the title
	 */
	String title() default "";

	/**
	 * What the resource holds, for the model.
	 * @return the description
	 */
	String description() default "";

	/**
	 * The MIME type of the contents. Defaults to {@code text/plain} for a {@code String},
	 * {@code application/octet-stream} for a {@code byte[]} and {@code application/json}
	 * for other objects.
	 * @return the MIME type
	 */
	String mimeType() default "";

}
