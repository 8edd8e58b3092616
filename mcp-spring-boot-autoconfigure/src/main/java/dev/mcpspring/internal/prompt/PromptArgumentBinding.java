package dev.mcpspring.internal.prompt;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.McpContext;
import dev.mcpspring.McpException;
import dev.mcpspring.PromptArgument;
import dev.mcpspring.internal.method.ArgumentResolver;
import dev.mcpspring.internal.method.StringArgument;

/**
 * A parameter of a prompt method bound to a prompt argument, converted to the
 * parameter's type.
 *
 * @param argument the prompt argument as listed
 * @param value converts the argument's value
 */
record PromptArgumentBinding(PromptArgument argument, StringArgument value)
		implements ArgumentResolver<Map<String, String>> {

	@Override
	public @Nullable Object resolve(Map<String, String> arguments, McpContext context) {
		String given = arguments.get(this.argument.name());
		if (given == null && this.argument.required()) {
			throw McpException.invalidParams("Missing required argument '" + this.argument.name() + "'");
		}
		try {
			return this.value.convert(given);
		}
		catch (IllegalArgumentException ex) {
			String message = ex.getMessage();
			throw McpException.invalidParams((message != null) ? message
					: "Invalid value for argument '" + this.argument.name() + "'");
		}
	}

}
