package dev.mcpspring.internal.method;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.McpContext;

/**
 * Resolves the value of one parameter of an {@link InvocableMethod} from what a request
 * gives: the context, a named argument, ... (the model of Spring MVC's
 * {@code HandlerMethodArgumentResolver}, chosen once per parameter at startup).
 *
 * @param <I> the type of the request's input (a tool call's JSON arguments, a prompt's
 * string arguments, ...)
 */
@FunctionalInterface
public interface ArgumentResolver<I> {

	/**
	 * Resolves the value of the parameter.
	 * @param input the request's input
	 * @param context the context of the request
	 * @return the value to pass
	 * @throws Exception when the request gives no acceptable value
	 */
	@Nullable Object resolve(I input, McpContext context) throws Exception;

	/**
	 * Returns a resolver of a parameter of type {@link McpContext}.
	 * @param <I> the type of the request's input
	 * @return the resolver
	 */
	static <I> ArgumentResolver<I> context() {
		return (input, context) -> context;
	}

}
