package dev.mcpspring.test.context;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which tests get a client bean.
 */
class McpTestClientContextCustomizerFactoryTests {

	private final McpTestClientContextCustomizerFactory factory = new McpTestClientContextCustomizerFactory();

	@Test
	void testsWithAnEmbeddedServerGetTheClient() {
		assertThat(this.factory.createContextCustomizer(RandomPortTest.class, List.of())).isNotNull();
		assertThat(this.factory.createContextCustomizer(DefinedPortTest.class, List.of())).isNotNull();
	}

	@Test
	void testsWithoutAServerDoNot() {
		assertThat(this.factory.createContextCustomizer(MockTest.class, List.of())).isNull();
		assertThat(this.factory.createContextCustomizer(McpTestClientContextCustomizerFactoryTests.class, List.of()))
			.isNull();
	}

	@Test
	void customizersAreEqualSoThatContextsAreCached() {
		assertThat(this.factory.createContextCustomizer(RandomPortTest.class, List.of()))
			.isEqualTo(this.factory.createContextCustomizer(DefinedPortTest.class, List.of()));
	}

	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
	static class RandomPortTest {

	}

	@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT)
	static class DefinedPortTest {

	}

	@SpringBootTest
	static class MockTest {

	}

}
