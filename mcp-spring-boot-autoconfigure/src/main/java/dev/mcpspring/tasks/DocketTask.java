package dev.mcpspring.tasks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method of a Spring bean a background function that workers run, submitted by
 * name through the {@link Docket} (for example from a tool with
 * {@code McpContext.current().submit("name", arguments)}). Arguments bind to the
 * method's parameters by name, as for tools; a {@code McpContext} parameter receives the
 * background context (progress, cancellation, task id).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DocketTask {

	/**
	 * The function name; defaults to the method name.
	 * @return the name
	 */
	String value() default "";

}
