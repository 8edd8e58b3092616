package dev.mcpspring.test.context;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Adds an {@link dev.mcpspring.test.client.McpTestClient} bean to the context of every
 * {@link SpringBootTest @SpringBootTest} test with an embedded web server
 * ({@code RANDOM_PORT} or {@code DEFINED_PORT}).
 */
class McpTestClientContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		SpringBootTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, SpringBootTest.class);
		return (test != null && test.webEnvironment().isEmbedded()) ? new McpTestClientContextCustomizer() : null;
	}

}
