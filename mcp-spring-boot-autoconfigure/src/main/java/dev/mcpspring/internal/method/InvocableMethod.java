package dev.mcpspring.internal.method;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodParameter;
import org.springframework.util.ReflectionUtils;

import dev.mcpspring.McpContext;

/**
 * A bean's annotated method and the resolvers of its parameters' values, invoked for a
 * request (the model of Spring MVC's {@code InvocableHandlerMethod}): the method's
 * exception is thrown as itself, and a {@link CompletionStage} or {@link Future} it
 * returns may be awaited.
 *
 * @param <I> the type of the request's input the parameters are resolved from
 */
public final class InvocableMethod<I> {

	private final Object bean;

	private final Method method;

	private final List<ArgumentResolver<? super I>> resolvers;

	/**
	 * Creates an invocable method.
	 * @param bean the bean (possibly a proxy)
	 * @param method the method, declared on the bean's user class
	 * @param resolvers a resolver for each parameter, in order
	 */
	public InvocableMethod(Object bean, Method method, List<? extends ArgumentResolver<? super I>> resolvers) {
		if (resolvers.size() != method.getParameterCount()) {
			throw new IllegalArgumentException("Expected " + method.getParameterCount() + " argument resolvers for "
					+ method.toGenericString() + " but got " + resolvers.size());
		}
		this.bean = bean;
		this.method = AopUtils.selectInvocableMethod(method, bean.getClass());
		ReflectionUtils.makeAccessible(this.method);
		this.resolvers = List.copyOf(resolvers);
	}

	/**
	 * Creates an invocable method with the resolver a function chooses for each
	 * parameter.
	 * @param <I> the type of the request's input
	 * @param bean the bean (possibly a proxy)
	 * @param method the method, declared on the bean's user class
	 * @param resolverFor chooses the resolver of a parameter, or throws an
	 * {@link IllegalStateException} when it cannot be resolved
	 * @return the invocable method
	 */
	public static <I> InvocableMethod<I> of(Object bean, Method method,
			Function<MethodParameter, ? extends ArgumentResolver<? super I>> resolverFor) {
		List<ArgumentResolver<? super I>> resolvers = new ArrayList<>(method.getParameterCount());
		for (int i = 0; i < method.getParameterCount(); i++) {
			resolvers.add(resolverFor.apply(new MethodParameter(method, i)));
		}
		return new InvocableMethod<>(bean, method, resolvers);
	}

	/**
	 * Returns the bean the method is invoked on.
	 * @return the bean
	 */
	public Object bean() {
		return this.bean;
	}

	/**
	 * Returns the method that is invoked (on a proxy, the proxy's method).
	 * @return the method
	 */
	public Method method() {
		return this.method;
	}

	/**
	 * Resolves the value of every parameter.
	 * @param input the request's input
	 * @param context the context of the request
	 * @return the values
	 * @throws Exception what a resolver throws
	 */
	public @Nullable Object[] resolveArguments(I input, McpContext context) throws Exception {
		@Nullable Object[] values = new Object[this.resolvers.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = this.resolvers.get(i).resolve(input, context);
		}
		return values;
	}

	/**
	 * Invokes the method with resolved values, without awaiting what it returns.
	 * @param values the values of the parameters
	 * @return what the method returns
	 * @throws Exception what the method throws, unwrapped
	 */
	public @Nullable Object doInvoke(@Nullable Object[] values) throws Exception {
		try {
			return this.method.invoke(this.bean, values);
		}
		catch (InvocationTargetException ex) {
			throw rethrow(ex.getTargetException());
		}
	}

	/**
	 * Resolves the values of the parameters, invokes the method and awaits the
	 * {@link CompletionStage} or {@link Future} it may return.
	 * @param input the request's input
	 * @param context the context of the request
	 * @return what the method returns, or the value of the stage or future it returns
	 * @throws Exception what the method, its stage or future, or a resolver throws,
	 * unwrapped; a {@link CancellationException} when interrupted while waiting
	 */
	public @Nullable Object invoke(I input, McpContext context) throws Exception {
		return await(doInvoke(resolveArguments(input, context)));
	}

	/**
	 * Awaits a {@link CompletionStage} or {@link Future}. When interrupted while
	 * waiting, the future is cancelled, the thread's interrupt flag is restored and a
	 * {@link CancellationException} is thrown.
	 * @param result what a method returned
	 * @return the value of the stage or future, else the result itself
	 * @throws Exception what the stage or future failed with, unwrapped from
	 * {@link ExecutionException} and {@link CompletionException}
	 */
	public static @Nullable Object await(@Nullable Object result) throws Exception {
		Future<?> future;
		if (result instanceof CompletionStage<?> stage) {
			future = stage.toCompletableFuture();
		}
		else if (result instanceof Future<?> plain) {
			future = plain;
		}
		else {
			return result;
		}
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw new CancellationException("Interrupted while waiting for the method's result");
		}
		catch (ExecutionException ex) {
			throw rethrow(unwrap(ex));
		}
	}

	/**
	 * Returns the failure a {@link CompletionException} or {@link ExecutionException}
	 * wraps.
	 * @param failure the failure
	 * @return the innermost cause of the wrappers, or the failure itself
	 */
	public static Throwable unwrap(Throwable failure) {
		Throwable unwrapped = failure;
		while ((unwrapped instanceof CompletionException || unwrapped instanceof ExecutionException)
				&& unwrapped.getCause() != null) {
			unwrapped = unwrapped.getCause();
		}
		return unwrapped;
	}

	/**
	 * Throws a failure as itself, checked or not.
	 * @param failure the failure
	 * @return never returns; declared for {@code throw rethrow(...)}
	 */
	public static RuntimeException rethrow(Throwable failure) {
		throw InvocableMethod.<RuntimeException>sneakyThrow(failure);
	}

	@SuppressWarnings("unchecked")
	private static <T extends Throwable> T sneakyThrow(Throwable failure) throws T {
		throw (T) failure;
	}

	@Override
	public String toString() {
		return this.method.toGenericString();
	}

}
