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

}
