package dev.mcpspring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes an argument of an {@link McpPrompt} method.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface McpPromptArg {

	/**
	 * The argument name; defaults to the parameter name (compile with
	 * {@code -parameters}).
	 * @return the name
	 */
	String name() default "";

	/**
	 * A human-readable name.
	 * @return the title
	 */
	String title() default "";

	/**
	 * What the argument means.
	 * @return the description
	 */
	String description() default "";

	/**
	 * Whether the argument must be given. {@code Optional} and {@code @Nullable}
	 * parameters are never required, primitive ones always.
	 * @return whether it is required
	 */
	boolean required() default true;

}
