package dev.mcpspring.internal.method;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;

/**
 * A method parameter whose value arrives as a string (a prompt argument, a URI template
 * variable, an argument being completed), converted to the parameter's type with
 * Spring Boot's {@link ApplicationConversionService}: numbers, enums (ignoring case),
 * dates, UUIDs, {@code Optional}, ...
 */
public final class StringArgument {

	private static final TypeDescriptor STRING = TypeDescriptor.valueOf(String.class);

	private final String name;

	private final MethodParameter parameter;

	private final TypeDescriptor type;

	private final ConversionService conversionService;

	/**
	 * Creates an argument.
	 * @param name the name the value is bound by
	 * @param parameter the method parameter
	 */
	public StringArgument(String name, MethodParameter parameter) {
		this.name = name;
		this.parameter = parameter;
		this.type = new TypeDescriptor(parameter);
		this.conversionService = ApplicationConversionService.getSharedInstance();
		if (!this.conversionService.canConvert(STRING, this.type)) {
			throw new IllegalStateException("Cannot convert a string to " + this.type + ", the type of parameter '"
					+ name + "' of " + parameter.getExecutable().toGenericString());
		}
	}

	public String name() {
		return this.name;
	}

	public MethodParameter parameter() {
		return this.parameter;
	}

	/**
	 * Returns whether the parameter may be left without a value: an {@code Optional} or a
	 * {@link MethodParameters#isNullable(MethodParameter) nullable} parameter.
	 * @return whether a missing value is acceptable
	 */
	public boolean isOptional() {
		return this.parameter.getParameterType() == Optional.class || MethodParameters.isNullable(this.parameter);
	}

	/**
	 * Converts a value to the parameter's type.
	 * @param value the value, or {@code null} when missing
	 * @return the converted value ({@code Optional.empty()} or {@code null} for a missing
	 * value)
	 * @throws IllegalArgumentException when the value does not convert
	 */
	public @Nullable Object convert(@Nullable String value) {
		if (value == null) {
			if (this.parameter.getParameterType() == Optional.class) {
				return Optional.empty();
			}
			return null;
		}
		try {
			return this.conversionService.convert(value, STRING, this.type);
		}
		catch (ConversionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new IllegalArgumentException(
					"Invalid value '" + value + "' for '" + this.name + "': " + cause.getMessage(), ex);
		}
	}

	/**
	 * Returns the values the parameter's type allows, when it is an enum (also inside
	 * {@code Optional}): the names of its constants.
	 * @return the values, empty when the type allows any string
	 */
	public List<String> knownValues() {
		Class<?> type = this.parameter.nestedIfOptional().getNestedParameterType();
		if (!type.isEnum()) {
			return List.of();
		}
		return Arrays.stream(type.getEnumConstants()).map((constant) -> ((Enum<?>) constant).name()).toList();
	}

	@Override
	public String toString() {
		return "'" + this.name + "' (" + this.type + ")";
	}

}
