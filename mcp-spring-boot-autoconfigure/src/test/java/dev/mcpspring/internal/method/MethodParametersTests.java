package dev.mcpspring.internal.method;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link MethodParameters}: the one rule for parameter names and the one rule
 * for nullability.
 */
class MethodParametersTests {

	@Test
	void theAnnotatedNameWins() {
		assertThat(MethodParameters.name(parameter("plain", 0), "city", "MCP tool method", "@McpToolParam"))
			.isEqualTo("city");
	}

	@Test
	void withoutAnAnnotatedNameTheCompiledNameIsUsed() {
		assertThat(MethodParameters.name(parameter("plain", 0), "", "MCP tool method", "@McpToolParam"))
			.isEqualTo("value");
		assertThat(MethodParameters.name(parameter("plain", 0), null, "MCP resource method", null))
			.isEqualTo("value");
	}

	@Test
	void aParameterWithoutANameIsAStartupError() {
		MethodParameter unnamed = new MethodParameter(unnamedMethod(), 0);
		assertThatIllegalStateException()
			.isThrownBy(() -> MethodParameters.name(unnamed, null, "MCP tool method", "@McpToolParam"))
			.withMessageStartingWith("Cannot tell the name of parameter 0 of MCP tool method ")
			.withMessageEndingWith(": compile with -parameters (Spring Boot's build plugins do) "
					+ "or name it with @McpToolParam(name = ...)");
		assertThatIllegalStateException()
			.isThrownBy(() -> MethodParameters.name(unnamed, "", "MCP resource method", null))
			.withMessageEndingWith(": compile with -parameters (Spring Boot's build plugins do)");
	}

	@Test
	void aParameterIsNotNullableByDefault() {
		assertThat(MethodParameters.isNullable(parameter("plain", 0))).isFalse();
	}

	@Test
	void jSpecifyNullableMakesAParameterNullable() {
		assertThat(MethodParameters.isNullable(parameter("jSpecify", 0))).isTrue();
	}

	@Test
	void aNullableAnnotationOfAnyPackageMakesAParameterNullable() {
		assertThat(MethodParameters.isNullable(parameter("anyNullable", 0))).isTrue();
	}

	@Test
	void anOptionalIsNotNullable() {
		assertThat(MethodParameters.isNullable(parameter("optional", 0))).isFalse();
	}

	private static MethodParameter parameter(String method, int index) {
		Method found = ReflectionUtils.findMethod(Parameters.class, method, (Class<?>[]) null);
		assertThat(found).isNotNull();
		return new MethodParameter(found, index);
	}

	private static Method unnamedMethod() {
		Object proxy = Proxy.newProxyInstance(MethodParametersTests.class.getClassLoader(),
				new Class<?>[] { Named.class }, (self, method, args) -> null);
		try {
			return proxy.getClass().getMethod("named", String.class);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Its methods, on a JDK proxy class, have parameters without names.
	 */
	public interface Named {

		void named(String value);

	}

	@Target(ElementType.PARAMETER)
	@Retention(RetentionPolicy.RUNTIME)
	@interface Nullable {

	}

	static class Parameters {

		void plain(String value) {
		}

		void jSpecify(@org.jspecify.annotations.Nullable String value) {
		}

		void anyNullable(@Nullable String value) {
		}

		void optional(Optional<String> value) {
		}

	}

}
