package dev.mcpspring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes an argument of an {@link McpTool} method.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface McpToolParam {

	/**
	 * The argument name; defaults to the parameter name (compile with
	 * {@code -parameters}).
	 * @return the name
	 */
	String name() default "";

	/**
	 * What the argument means, for the model.
	 * @return the description
	 */
	String description() default "";

	/**
	 * Whether the argument must be given. {@code Optional} parameters are never required.
	 * @return whether it is required
	 */
	boolean required() default true;

	/**
	 * The name of the HTTP header a 2026-07-28 client mirrors this argument into, as
	 * {@code Mcp-Param-{header}}, so that gateways can route on it without reading the
	 * body; empty for none. Listed as {@code "x-mcp-header"} on the argument's schema.
	 * Allowed on string, integer and boolean arguments only; the name must be an HTTP
	 * token, unique (ignoring case) within the tool. The server rejects a modern call
	 * whose header is missing or differs from the argument.
	 * @return the header name suffix, or empty
	 */
	String header() default "";

}
