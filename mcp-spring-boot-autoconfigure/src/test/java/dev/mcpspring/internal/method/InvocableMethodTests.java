package dev.mcpspring.internal.method;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.ReflectionUtils;

import dev.mcpspring.McpContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link InvocableMethod}: argument resolution, unwrapping of what the method
 * throws, awaiting of what it returns, and interruption while waiting.
 */
class InvocableMethodTests {

	private final Methods bean = new Methods();

	private final McpContext context = mock(McpContext.class);

	@AfterEach
	void clearInterrupt() {
		Thread.interrupted();
	}

	@Test
	void eachParameterIsResolvedByItsResolver() throws Exception {
		InvocableMethod<Map<String, String>> invocable = new InvocableMethod<>(this.bean,
				method("greet", McpContext.class, String.class),
				List.of(ArgumentResolver.context(), (input, context) -> input.get("name")));
		assertThat(invocable.invoke(Map.of("name", "Ada"), this.context)).isEqualTo("Hello Ada");
		assertThat(this.bean.context).isSameAs(this.context);
	}

	@Test
	void resolversAreChosenPerParameter() throws Exception {
		InvocableMethod<Map<String, String>> invocable = InvocableMethod.of(this.bean,
				method("greet", McpContext.class, String.class),
				(parameter) -> (parameter.getParameterType() == McpContext.class) ? ArgumentResolver.context()
						: (input, context) -> input.get(MethodParameters.name(parameter, null, "test method", null)));
		assertThat(invocable.invoke(Map.of("name", "Grace"), this.context)).isEqualTo("Hello Grace");
	}

	@Test
	void aResolverPerParameterIsRequired() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InvocableMethod<>(this.bean, method("greet", McpContext.class, String.class),
					List.of(ArgumentResolver.context())))
			.withMessageContaining("Expected 2 argument resolvers");
	}

	@Test
	void whatAResolverThrowsIsThrown() {
		IllegalStateException failure = new IllegalStateException("no value");
		InvocableMethod<Object> invocable = new InvocableMethod<>(this.bean, method("echo", String.class),
				List.of((input, context) -> {
					throw failure;
				}));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> invocable.invoke("x", this.context))
			.isSameAs(failure);
	}

	@Test
	void aCheckedExceptionOfTheMethodIsThrownAsItself() {
		InvocableMethod<Object> invocable = new InvocableMethod<>(this.bean, method("failChecked"), List.of());
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> invocable.invoke(null, this.context))
			.withMessage("disk on fire");
	}

	@Test
	void anErrorOfTheMethodIsThrownAsItself() {
		InvocableMethod<Object> invocable = new InvocableMethod<>(this.bean, method("failError"), List.of());
		assertThatExceptionOfType(StackOverflowError.class).isThrownBy(() -> invocable.invoke(null, this.context));
	}

	@Test
	void doInvokeDoesNotAwaitAReturnedStage() throws Exception {
		InvocableMethod<Object> invocable = new InvocableMethod<>(this.bean, method("pending"), List.of());
		assertThat(invocable.doInvoke(new Object[0])).isSameAs(this.bean.pending);
	}

	@Test
	void aReturnedCompletionStageIsAwaited() throws Exception {
		InvocableMethod<Object> invocable = new InvocableMethod<>(this.bean, method("pending"), List.of());
		CompletableFuture.runAsync(() -> this.bean.pending.complete("done"),
				CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
		assertThat(invocable.invoke(null, this.context)).isEqualTo("done");
	}

	@Test
	void aReturnedFutureIsAwaited() throws Exception {
		InvocableMethod<Object> invocable = new InvocableMethod<>(this.bean, method("future"), List.of());
		assertThat(invocable.invoke(null, this.context)).isEqualTo(42);
	}

	@Test
	void aValueThatIsNoFutureIsReturnedAsItIs() throws Exception {
		assertThat(InvocableMethod.await("value")).isEqualTo("value");
		assertThat(InvocableMethod.await(null)).isNull();
	}

	@Test
	void theFailureOfAReturnedStageIsThrownUnwrapped() {
		InvocableMethod<Object> invocable = new InvocableMethod<>(this.bean, method("failedStage"), List.of());
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> invocable.invoke(null, this.context))
			.withMessage("stage failed");
	}

	@Test
	void aCompletionExceptionOfAStageIsUnwrapped() {
		CompletableFuture<Object> future = new CompletableFuture<>();
		future.completeExceptionally(new CompletionException(new IllegalStateException("inner")));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> InvocableMethod.await(future))
			.withMessage("inner");
	}

	@Test
	void nestedWrappersAreUnwrapped() {
		IllegalStateException cause = new IllegalStateException("inner");
		assertThat(InvocableMethod.unwrap(new CompletionException(
				new ExecutionException(new CompletionException(cause)))))
			.isSameAs(cause);
		CompletionException empty = new CompletionException("no cause", null);
		assertThat(InvocableMethod.unwrap(empty)).isSameAs(empty);
	}

	@Test
	void anInterruptWhileWaitingCancelsTheFutureAndRestoresTheFlag() {
		InvocableMethod<Object> invocable = new InvocableMethod<>(this.bean, method("pending"), List.of());
		Thread.currentThread().interrupt();
		assertThatExceptionOfType(CancellationException.class).isThrownBy(() -> invocable.invoke(null, this.context))
			.withMessageContaining("Interrupted");
		assertThat(Thread.currentThread().isInterrupted()).isTrue();
		assertThat(this.bean.pending).isCancelled();
	}

	@Test
	void anInterruptWhileWaitingForAFutureCancelsIt() {
		FutureTask<Object> future = new FutureTask<>(() -> "never run");
		Thread.currentThread().interrupt();
		assertThatExceptionOfType(CancellationException.class).isThrownBy(() -> InvocableMethod.await(future));
		assertThat(Thread.currentThread().isInterrupted()).isTrue();
		assertThat(future).isCancelled();
	}

	@Test
	void theMethodOfTheBeanIsInvokedThroughAJdkProxy() throws Exception {
		Greeter target = new PoliteGreeter();
		Greeter proxy = (Greeter) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { Greeter.class }, (self, invoked, args) -> invoked.invoke(target, args));
		InvocableMethod<String> invocable = new InvocableMethod<>(proxy,
				PoliteGreeter.class.getMethod("greet", String.class), List.of((input, context) -> input));
		assertThat(invocable.invoke("Linus", this.context)).isEqualTo("Hi Linus");
	}

	private static Method method(String name, Class<?>... parameterTypes) {
		Method method = ReflectionUtils.findMethod(Methods.class, name, parameterTypes);
		assertThat(method).isNotNull();
		return method;
	}

	/**
	 * A bean reached through a JDK proxy.
	 */
	public interface Greeter {

		String greet(String name);

	}

	static class PoliteGreeter implements Greeter {

		@Override
		public String greet(String name) {
			return "Hi " + name;
		}

	}

	static class Methods {

		McpContext context;

		final CompletableFuture<String> pending = new CompletableFuture<>();

		String greet(McpContext context, String name) {
			this.context = context;
			return "Hello " + name;
		}

		String echo(String value) {
			return value;
		}

		void failChecked() throws IOException {
			throw new IOException("disk on fire");
		}

		void failError() {
			throw new StackOverflowError();
		}

		CompletionStage<String> pending() {
			return this.pending;
		}

		Future<Integer> future() {
			FutureTask<Integer> task = new FutureTask<>(() -> 42);
			new Thread(task).start();
			return task;
		}

		CompletableFuture<String> failedStage() {
			return CompletableFuture.failedFuture(new IOException("stage failed"));
		}

	}

}
