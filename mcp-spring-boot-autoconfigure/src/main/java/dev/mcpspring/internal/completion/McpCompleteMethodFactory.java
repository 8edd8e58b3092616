package dev.mcpspring.internal.completion;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.util.ObjectUtils;

import dev.mcpspring.Completion;
import dev.mcpspring.CompletionReference;
import dev.mcpspring.McpComplete;
import dev.mcpspring.McpCompletionProvider;
import dev.mcpspring.McpCompletionRegistry;
import dev.mcpspring.McpCompletionRequest;
import dev.mcpspring.McpContext;
import dev.mcpspring.internal.method.AnnotatedMethodRegistrar;
import dev.mcpspring.internal.method.ArgumentResolver;
import dev.mcpspring.internal.method.InvocableMethod;
import dev.mcpspring.internal.method.MethodParameters;
import dev.mcpspring.internal.method.StringArgument;

/**
 * Adapts {@link McpComplete} methods to completion providers and registers them with the
 * {@link McpCompletionRegistry}.
 */
public class McpCompleteMethodFactory implements AnnotatedMethodRegistrar<McpComplete> {

	private static final ArgumentResolver<McpCompletionRequest> REQUEST = (request, context) -> request;

	private static final ArgumentResolver<McpCompletionRequest> TYPED_VALUE = (request, context) -> request.value();

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
		List<ArgumentResolver<McpCompletionRequest>> resolvers = new ArrayList<>();
		for (int i = 0; i < method.getParameterCount(); i++) {
			resolvers.add(resolver(new MethodParameter(method, i), annotation.argument()));
		}
		if (!resolvers.contains(REQUEST) && !resolvers.contains(TYPED_VALUE)) {
			throw new IllegalStateException("MCP completion method " + method.toGenericString()
					+ " has no parameter named '" + annotation.argument() + "' to receive the value being typed");
		}
		InvocableMethod<McpCompletionRequest> invocable = new InvocableMethod<>(bean, method, resolvers);
		return new McpCompletionProvider() {

			@Override
			public Completion complete(McpCompletionRequest request, McpContext context) throws Exception {
				return completion(invocable.invoke(request, context));
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

	private static ArgumentResolver<McpCompletionRequest> resolver(MethodParameter parameter, String argument) {
		Class<?> type = parameter.getParameterType();
		if (type == McpContext.class) {
			return ArgumentResolver.context();
		}
		if (type == McpCompletionRequest.class) {
			return REQUEST;
		}
		String name = MethodParameters.name(parameter, null, "MCP completion method", null);
		if (name.equals(argument)) {
			if (type != String.class) {
				throw new IllegalStateException("Parameter '" + name + "' of MCP completion method "
						+ parameter.getExecutable().toGenericString()
						+ " receives the value being typed: declare it as a String");
			}
			return TYPED_VALUE;
		}
		StringArgument other = new StringArgument(name, parameter);
		return (request, context) -> {
			try {
				return other.convert(request.arguments().get(name));
			}
			catch (IllegalArgumentException ex) {
				return other.convert(null);
			}
		};
	}

	private static Completion completion(@Nullable Object result) {
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

}
