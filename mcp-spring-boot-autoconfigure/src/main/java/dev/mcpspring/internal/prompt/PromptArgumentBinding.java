package dev.mcpspring.internal.prompt;

import java.util.Map;

import dev.mcpspring.McpContext;
import dev.mcpspring.McpException;
import dev.mcpspring.PromptArgument;
import dev.mcpspring.internal.method.StringArgument;

/**
 * One parameter of a prompt method and how its value is bound: the request context, or
 * a prompt argument converted to the parameter's type.
 *
 * @param argument the prompt argument as listed, or {@code null} for the context
 * @param value converts the argument's value, or {@code null} for the context
 */
record PromptArgumentBinding(PromptArgument argument, StringArgument value) {

	static PromptArgumentBinding context() {
		return new PromptArgumentBinding(null, null);
	}

	Object bind(Map<String, String> arguments, McpContext context) {
		if (this.argument == null) {
			return context;
		}
		String given = arguments.get(this.argument.name());
		if (given == null && this.argument.required()) {
			throw McpException.invalidParams("Missing required argument '" + this.argument.name() + "'");
		}
		try {
			return this.value.convert(given);
		}
		catch (IllegalArgumentException ex) {
			throw McpException.invalidParams(ex.getMessage());
		}
	}

}
