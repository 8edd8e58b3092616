package dev.mcpspring.server.tool;

import java.lang.reflect.Array;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Optional;

import dev.mcpspring.context.McpContext;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * One parameter of a tool method and how its value is bound from the call's arguments.
 *
 * @param name the argument name
 * @param description the argument description
 * @param required whether the argument must be given
 * @param parameter the method parameter
 * @param schemaType the type the schema describes ({@code Optional} unwrapped)
 * @param reader reads the argument's JSON into the parameter type
 */
record ToolArgument(String name, String description, boolean required, Parameter parameter, Type schemaType,
		ObjectReader reader) {

	/**
	 * Binds the value of this parameter.
	 * @param arguments the call's arguments
	 * @param context the call's context
	 * @return the value to pass
	 * @throws InvalidArgumentException when the argument is missing or does not bind
	 */
	Object bind(ObjectNode arguments, McpContext context) {
		Class<?> type = this.parameter.getType();
		if (type == McpContext.class) {
			return context;
		}
		JsonNode value = arguments.get(this.name);
		boolean optional = type == Optional.class;
		if (value == null || value.isNull()) {
			if (this.required) {
				throw new InvalidArgumentException("Missing required argument '" + this.name + "'");
			}
			return optional ? Optional.empty() : defaultValue(type);
		}
		try {
			Object bound = this.reader.readValue(value);
			return optional ? Optional.ofNullable(bound) : bound;
		}
		catch (JacksonException ex) {
			throw new InvalidArgumentException(
					"Invalid value for argument '" + this.name + "': " + ex.getOriginalMessage());
		}
	}

	boolean isContext() {
		return this.parameter.getType() == McpContext.class;
	}

	private static Object defaultValue(Class<?> type) {
		return type.isPrimitive() ? Array.get(Array.newInstance(type, 1), 0) : null;
	}

	/**
	 * An argument that is missing or does not bind: answered as a tool error naming it.
	 */
	static final class InvalidArgumentException extends RuntimeException {

		InvalidArgumentException(String message) {
			super(message, null, false, false);
		}

	}

}
