package dev.mcpspring.internal.method;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link StringArgument}: converting a string to a method parameter's type, telling
 * optional parameters, and the values an enum parameter allows.
 */
class StringArgumentTests {

	@Test
	void convertsNumbersAndBooleans() {
		assertThat(argument("count").convert("42")).isEqualTo(42);
		assertThat(argument("big").convert("-9007199254740993")).isEqualTo(-9007199254740993L);
		assertThat(argument("ratio").convert("2.5")).isEqualTo(2.5);
		assertThat(argument("flag").convert("true")).isEqualTo(true);
		assertThat(argument("flag").convert("false")).isEqualTo(false);
	}

	@Test
	void convertsEnumsIgnoringCase() {
		assertThat(argument("color").convert("GREEN")).isEqualTo(Color.GREEN);
		assertThat(argument("color").convert("green")).isEqualTo(Color.GREEN);
		assertThat(argument("color").convert("Light-Blue")).isEqualTo(Color.LIGHT_BLUE);
	}

	@Test
	void convertsDatesUuidsAndDurations() {
		assertThat(argument("date").convert("2026-11-26")).isEqualTo(LocalDate.of(2026, 11, 26));
		assertThat(argument("id").convert("123e4567-e89b-12d3-a456-426614174000"))
			.isEqualTo(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
		assertThat(argument("ttl").convert("10s")).isEqualTo(Duration.ofSeconds(10));
		assertThat(argument("ttl").convert("PT1M")).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void convertsIntoOptional() {
		assertThat(argument("maybe").convert("red")).isEqualTo(Optional.of(Color.RED));
	}

	@Test
	void missingValueIsEmptyOptionalOrNull() {
		assertThat(argument("maybe").convert(null)).isEqualTo(Optional.empty());
		assertThat(argument("note").convert(null)).isNull();
		assertThat(argument("count").convert(null)).isNull();
	}

	@Test
	void stringIsPassedAsIs() {
		assertThat(argument("text").convert("")).isEqualTo("");
		assertThat(argument("text").convert(" a b ")).isEqualTo(" a b ");
	}

	@Test
	void valueThatDoesNotConvertIsRefusedNamingTheArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> argument("count").convert("forty-two"))
			.withMessageStartingWith("Invalid value 'forty-two' for 'count': ");
		assertThatIllegalArgumentException().isThrownBy(() -> argument("count").convert("99999999999"))
			.withMessageStartingWith("Invalid value '99999999999' for 'count'");
		assertThatIllegalArgumentException().isThrownBy(() -> argument("color").convert("PURPLE"))
			.withMessageStartingWith("Invalid value 'PURPLE' for 'color'");
		assertThatIllegalArgumentException().isThrownBy(() -> argument("date").convert("2026-13-01"))
			.withMessageStartingWith("Invalid value '2026-13-01' for 'date'");
		assertThatIllegalArgumentException().isThrownBy(() -> argument("id").convert("not-a-uuid"))
			.withMessageStartingWith("Invalid value 'not-a-uuid' for 'id'");
	}

	@Test
	void emptyValueIsRefusedForAPrimitiveAndNullForABoxedNumber() {
		assertThatIllegalArgumentException().isThrownBy(() -> argument("count").convert(""))
			.withMessageStartingWith("Invalid value '' for 'count'");
		assertThat(argument("big").convert("")).isNull();
	}

	@Test
	void parameterOfATypeNoStringConvertsToIsRefusedWhenBound() {
		assertThatIllegalStateException().isThrownBy(() -> argument("fixture"))
			.withMessageContaining("Cannot convert a string to")
			.withMessageContaining("'fixture'")
			.withMessageContaining("Fixture.all(");
	}

	@Test
	void optionalAndNullableParametersMayBeMissing() {
		assertThat(argument("maybe").isOptional()).isTrue();
		assertThat(argument("note").isOptional()).isTrue();
		assertThat(argument("text").isOptional()).isFalse();
		assertThat(argument("count").isOptional()).isFalse();
		assertThat(argument("big").isOptional()).isFalse();
	}

	@Test
	void knownValuesAreTheEnumConstantNames() {
		assertThat(argument("color").knownValues()).containsExactly("RED", "GREEN", "LIGHT_BLUE");
		assertThat(argument("maybe").knownValues()).containsExactly("RED", "GREEN", "LIGHT_BLUE");
		assertThat(argument("text").knownValues()).isEmpty();
		assertThat(argument("count").knownValues()).isEmpty();
	}

	@Test
	void describesItselfByNameAndType() {
		StringArgument argument = argument("count");
		assertThat(argument.name()).isEqualTo("count");
		assertThat(argument.parameter().getParameterIndex()).isZero();
		assertThat(argument).hasToString("'count' (int)");
	}

	private static StringArgument argument(String name) {
		Method method = fixtureMethod();
		int index = Arrays.stream(method.getParameters()).map(Parameter::getName).toList().indexOf(name);
		assertThat(index).as("parameter " + name).isNotNegative();
		return new StringArgument(name, new MethodParameter(method, index));
	}

	private static Method fixtureMethod() {
		return Arrays.stream(Fixture.class.getDeclaredMethods())
			.filter((method) -> method.getName().equals("all"))
			.findFirst()
			.orElseThrow();
	}

	enum Color {

		RED, GREEN, LIGHT_BLUE

	}

	static class Fixture {

		void all(int count, Long big, double ratio, boolean flag, Color color, Optional<Color> maybe, LocalDate date,
				UUID id, Duration ttl, @Nullable String note, String text, Fixture fixture) {
		}

	}

}
