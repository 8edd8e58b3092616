package dev.mcpspring.internal.completion;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodParameter;
import org.springframework.util.ObjectUtils;
import org.springframework.util.ReflectionUtils;

import dev.mcpspring.Completion;
import dev.mcpspring.CompletionReference;
import dev.mcpspring.McpComplete;
import dev.mcpspring.McpCompletionProvider;
import dev.mcpspring.McpCompletionRegistry;
import dev.mcpspring.McpCompletionRequest;
import dev.mcpspring.McpContext;
import dev.mcpspring.internal.method.AnnotatedMethodRegistrar;
import dev.mcpspring.internal.method.StringArgument;

/**
 * Adapts {@link McpComplete} methods to completion providers and registers them with the
 * {@link McpCompletionRegistry}.
 */
public class McpCompleteMethodFactory implements AnnotatedMethodRegistrar<McpComplete> {

	private final McpCompletionRegistry registry;

	/**
	 * Creates a factory.
	 * @param registry where annotated completion providers are registered
	 */
	public McpCompleteMethodFactory(McpCompletionRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Class<McpComplete> annotationType() {
		return McpComplete.class;
	}

	@Override
	public void register(Object bean, Method method, McpComplete annotation) {
		this.registry.register(reference(method, annotation), annotation.argument(),
				create(bean, method, annotation));
	}

	/**
	 * Adapts an {@link McpComplete} method.
	 * @param bean the bean (possibly a proxy)
	 * @param method the annotated method of the bean's class
	 * @param annotation the annotation
	 * @return the provider
	 */
	public McpCompletionProvider create(Object bean, Method method, McpComplete annotation) {
		List<Object> bindings = bindings(method, annotation.argument());
		Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
		ReflectionUtils.makeAccessible(invocable);
		return new McpCompletionProvider() {

			@Override
			public Completion complete(McpCompletionRequest request, McpContext context) throws Exception {
				Object[] values = new Object[bindings.size()];
				for (int i = 0; i < values.length; i++) {
					values[i] = bind(bindings.get(i), request, context);
				}
				try {
					return completion(invocable.invoke(bean, values));
				}
				catch (InvocationTargetException ex) {
					if (ex.getCause() instanceof Error error) {
						throw error;
					}
					throw (Exception) ex.getCause();
				}
			}

			@Override
			public String toString() {
				return method.toGenericString();
			}

		};
	}

	private static CompletionReference reference(Method method, McpComplete annotation) {
		if (annotation.prompt().isEmpty() == annotation.resource().isEmpty()) {
			throw new IllegalStateException("@McpComplete on " + method.toGenericString()
					+ " must name either a prompt or a resource template");
		}
		return annotation.prompt().isEmpty() ? CompletionReference.resourceTemplate(annotation.resource())
				: CompletionReference.prompt(annotation.prompt());
	}

	private static List<Object> bindings(Method method, String argument) {
		List<Object> bindings = new ArrayList<>();
		boolean receivesValue = false;
		for (int i = 0; i < method.getParameterCount(); i++) {
			Class<?> type = method.getParameterTypes()[i];
			if (type == McpContext.class || type == McpCompletionRequest.class) {
				bindings.add(type);
				receivesValue |= type == McpCompletionRequest.class;
				continue;
			}
			String name = StringArgument.parameterName(method, i, null);
			if (name == null) {
				throw new IllegalStateException("Cannot tell the name of parameter " + i + " of MCP completion method "
						+ method.toGenericString() + ": compile with -parameters (Spring Boot's build plugins do)");
			}
			if (name.equals(argument)) {
				if (type != String.class) {
					throw new IllegalStateException("Parameter '" + name + "' of MCP completion method "
							+ method.toGenericString() + " receives the value being typed: declare it as a String");
				}
				bindings.add(Value.TYPED);
				receivesValue = true;
			}
			else {
				bindings.add(new StringArgument(name, new MethodParameter(method, i)));
			}
		}
		if (!receivesValue) {
			throw new IllegalStateException("MCP completion method " + method.toGenericString()
					+ " has no parameter named '" + argument + "' to receive the value being typed");
		}
		return List.copyOf(bindings);
	}

	private static Object bind(Object binding, McpCompletionRequest request, McpContext context) {
		if (binding == McpContext.class) {
			return context;
		}
		if (binding == McpCompletionRequest.class) {
			return request;
		}
		if (binding == Value.TYPED) {
			return request.value();
		}
		StringArgument argument = (StringArgument) binding;
		try {
			return argument.convert(request.arguments().get(argument.name()));
		}
		catch (IllegalArgumentException ex) {
			return argument.convert(null);
		}
	}

	private static Completion completion(Object result) {
		if (result == null) {
			return Completion.EMPTY;
		}
		if (result instanceof Completion completion) {
			return completion;
		}
		Stream<?> values;
		if (result instanceof Collection<?> collection) {
			values = collection.stream();
		}
		else if (result instanceof Stream<?> stream) {
			values = stream;
		}
		else if (ObjectUtils.isArray(result)) {
			values = Arrays.stream(ObjectUtils.toObjectArray(result));
		}
		else {
			values = Stream.of(result);
		}
		try (values) {
			return Completion.of(values.filter(Objects::nonNull).map(String::valueOf).toList());
		}
	}

	private enum Value {

		TYPED

	}

}
