package dev.mcpspring.internal.method;

import org.jspecify.annotations.Nullable;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.Nullness;
import org.springframework.core.ParameterNameDiscoverer;

/**
 * The rules for the parameters of annotated methods: how a parameter is named and
 * whether it may be {@code null}.
 */
public final class MethodParameters {

	private static final ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

	private MethodParameters() {
	}

	/**
	 * Returns the name of a parameter: the name an annotation gives, else the name
	 * compiled into the class.
	 * @param parameter the parameter
	 * @param annotatedName the name from an annotation, or {@code null} or an empty
	 * string for none
	 * @param methodKind what the method is, for the error ("MCP tool method")
	 * @param naming the annotation that names a parameter ("@McpToolParam"), or
	 * {@code null} when there is none
	 * @return the name
	 * @throws IllegalStateException when the name cannot be told
	 */
	public static String name(MethodParameter parameter, @Nullable String annotatedName, String methodKind,
			@Nullable String naming) {
		if (annotatedName != null && !annotatedName.isEmpty()) {
			return annotatedName;
		}
		MethodParameter discoverable = new MethodParameter(parameter);
		discoverable.initParameterNameDiscovery(PARAMETER_NAMES);
		String name = discoverable.getParameterName();
		if (name == null) {
			throw new IllegalStateException("Cannot tell the name of parameter " + parameter.getParameterIndex()
					+ " of " + methodKind + " " + parameter.getExecutable().toGenericString()
					+ ": compile with -parameters (Spring Boot's build plugins do)"
					+ ((naming != null) ? " or name it with " + naming + "(name = ...)" : ""));
		}
		return name;
	}

	/**
	 * Returns whether a parameter is declared nullable: with JSpecify's, or any other
	 * package's, {@code @Nullable}, or as a nullable Kotlin type.
	 * @param parameter the parameter
	 * @return whether {@code null} is an accepted value
	 */
	public static boolean isNullable(MethodParameter parameter) {
		return Nullness.forMethodParameter(parameter) == Nullness.NULLABLE;
	}

}
