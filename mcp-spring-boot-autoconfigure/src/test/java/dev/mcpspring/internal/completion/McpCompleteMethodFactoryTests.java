package dev.mcpspring.internal.completion;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.ReflectionUtils;

import dev.mcpspring.CompletionReference;
import dev.mcpspring.McpComplete;
import dev.mcpspring.McpCompletionProvider;
import dev.mcpspring.McpCompletionRequest;
import dev.mcpspring.McpContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link McpCompleteMethodFactory}: how the values of a completion method are
 * awaited.
 */
class McpCompleteMethodFactoryTests {

	private final McpCompleteMethodFactory factory = new McpCompleteMethodFactory(null);

	private final Cities cities = new Cities();

	private final McpContext context = mock(McpContext.class);

	@AfterEach
	void clearInterrupt() {
		Thread.interrupted();
	}

	@Test
	void theValuesOfAReturnedCompletionStageAreAwaited() throws Exception {
		McpCompletionProvider provider = provider("later");
		CompletableFuture.runAsync(() -> this.cities.later.complete(List.of("Lille", "Lyon")),
				CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
		assertThat(provider.complete(request("L"), this.context).values()).containsExactly("Lille", "Lyon");
	}

	@Test
	void anInterruptWhileAwaitingTheValuesIsACancellation() {
		McpCompletionProvider provider = provider("later");
		Thread.currentThread().interrupt();
		assertThatExceptionOfType(CancellationException.class)
			.isThrownBy(() -> provider.complete(request("L"), this.context));
		assertThat(Thread.currentThread().isInterrupted()).isTrue();
		assertThat(this.cities.later).isCancelled();
	}

	private McpCompletionProvider provider(String name) {
		Method method = ReflectionUtils.findMethod(Cities.class, name, String.class);
		return this.factory.create(this.cities, method, method.getAnnotation(McpComplete.class));
	}

	private static McpCompletionRequest request(String value) {
		return new McpCompletionRequest(CompletionReference.prompt("trip"), "city", value, Map.of());
	}

	static class Cities {

		final CompletableFuture<List<String>> later = new CompletableFuture<>();

		@McpComplete(prompt = "trip", argument = "city")
		CompletionStage<List<String>> later(String city) {
			return this.later;
		}

	}

}
