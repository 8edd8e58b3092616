package dev.mcpspring.test.assertj;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link StructuredContentPath}.
 */
class StructuredContentPathTests {

	@Test
	void pointerIsKept() {
		assertThat(StructuredContentPath.toPointer("/items/0/name")).isEqualTo("/items/0/name");
	}

	@Test
	void pathOfNamesIndexesAndQuotedNamesBecomesAPointer() {
		assertThat(StructuredContentPath.toPointer("$.items[0].name")).isEqualTo("/items/0/name");
		assertThat(StructuredContentPath.toPointer("$['a/b'].c~d")).isEqualTo("/a~1b/c~0d");
		assertThat(StructuredContentPath.toPointer("$")).isEmpty();
	}

	@Test
	void unsupportedPathIsRefusedWithThePosition() {
		assertThatIllegalArgumentException().isThrownBy(() -> StructuredContentPath.toPointer("$.items[*].name"))
			.withMessageContaining("position 7");
		assertThatIllegalArgumentException().isThrownBy(() -> StructuredContentPath.toPointer("$..name"))
			.withMessageContaining("position 1");
	}

}
