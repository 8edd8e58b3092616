package dev.mcpspring.internal.method;

import java.lang.reflect.Array;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

import dev.mcpspring.McpContext;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.node.ObjectNode;

/**
 * One parameter of a tool method and how its value is bound from the call's arguments.
 *
 * @param name the argument name, or {@code null} for the {@link McpContext} parameter
 * @param description the argument description
 * @param required whether the argument must be given
 * @param header the {@code Mcp-Param-*} header name the argument is mirrored into, or
 * {@code null}
 * @param parameter the method parameter
 * @param schemaType the type the schema describes ({@code Optional} unwrapped)
 * @param reader reads the argument's JSON into the parameter type
 */
public record ToolArgument(@Nullable String name, String description, boolean required, @Nullable String header,
		Parameter parameter, Type schemaType, ObjectReader reader) implements ArgumentResolver<ObjectNode> {

	/**
	 * Binds the value of this parameter.
	 * @param arguments the call's arguments
	 * @param context the call's context
	 * @return the value to pass
	 * @throws InvalidArgumentException when the argument is missing or does not bind
	 */
	@Override
	public @Nullable Object resolve(ObjectNode arguments, McpContext context) {
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
			throw new InvalidArgumentException(describe(ex));
		}
	}

	/**
	 * Describes a value that does not bind by its path in the argument and the JSON type
	 * expected there, never by Java class names.
	 */
	private String describe(JacksonException failure) {
		StringBuilder path = new StringBuilder(this.name);
		for (JacksonException.Reference reference : failure.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append('.').append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		String expected = (failure instanceof MismatchedInputException mismatch) ? expected(mismatch.getTargetType())
				: null;
		return "Invalid value for argument '" + path + "'" + ((expected != null) ? ": expected " + expected : "");
	}

	private static @Nullable String expected(@Nullable Class<?> type) {
		if (type == null) {
			return null;
		}
		if (type.isEnum()) {
			return "one of " + Arrays.toString(type.getEnumConstants());
		}
		Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
		if (boxed == Boolean.class) {
			return "a boolean";
		}
		if (boxed == Integer.class || boxed == Long.class || boxed == Short.class || boxed == Byte.class
				|| boxed == BigInteger.class) {
			return "an integer";
		}
		if (Number.class.isAssignableFrom(boxed)) {
			return "a number";
		}
		if (CharSequence.class.isAssignableFrom(boxed) || boxed == Character.class) {
			return "a string";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		return (type.isRecord() || Map.class.isAssignableFrom(type) || !type.getName().startsWith("java."))
				? "an object" : null;
	}

	public boolean isContext() {
		return this.parameter.getType() == McpContext.class;
	}

	private static @Nullable Object defaultValue(Class<?> type) {
		return type.isPrimitive() ? Array.get(Array.newInstance(type, 1), 0) : null;
	}

	/**
	 * An argument that is missing or does not bind: answered as a tool error naming it.
	 */
	public static final class InvalidArgumentException extends RuntimeException {

		private final String message;

		InvalidArgumentException(String message) {
			super(message, null, false, false);
			this.message = message;
		}

		/**
		 * Returns the message naming the argument.
		 * @return the message
		 */
		@Override
		public String getMessage() {
			return this.message;
		}

	}

}
