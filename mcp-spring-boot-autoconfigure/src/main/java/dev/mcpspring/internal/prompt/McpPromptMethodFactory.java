package dev.mcpspring.internal.prompt;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodParameter;
import org.springframework.util.ReflectionUtils;

import dev.mcpspring.GetPromptResult;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpPrompt;
import dev.mcpspring.McpPromptArg;
import dev.mcpspring.McpPromptHandler;
import dev.mcpspring.McpPromptRegistry;
import dev.mcpspring.Prompt;
import dev.mcpspring.PromptArgument;
import dev.mcpspring.internal.method.AnnotatedMethodRegistrar;
import dev.mcpspring.internal.method.StringArgument;
import tools.jackson.databind.ObjectMapper;

/**
 * Adapts {@link McpPrompt} methods to prompts and registers them with the
 * {@link McpPromptRegistry}.
 */
public class McpPromptMethodFactory implements AnnotatedMethodRegistrar<McpPrompt> {

	private final PromptResultConverter converter;

	private final McpPromptRegistry registry;

	/**
	 * Creates a factory.
	 * @param mapper writes objects returned by prompt methods as JSON text
	 * @param registry where annotated prompts are registered
	 */
	public McpPromptMethodFactory(ObjectMapper mapper, McpPromptRegistry registry) {
		this.converter = new PromptResultConverter(mapper);
		this.registry = registry;
	}

	@Override
	public Class<McpPrompt> annotationType() {
		return McpPrompt.class;
	}

	@Override
	public void register(Object bean, Method method, McpPrompt annotation) {
		this.registry.register(create(bean, method, annotation));
	}

	/**
	 * Adapts an {@link McpPrompt} method.
	 * @param bean the bean (possibly a proxy)
	 * @param method the annotated method of the bean's class
	 * @param annotation the annotation
	 * @return the prompt
	 */
	public McpPromptHandler create(Object bean, Method method, McpPrompt annotation) {
		List<PromptArgumentBinding> bindings = bindings(method);
		List<PromptArgument> arguments = bindings.stream()
			.map(PromptArgumentBinding::argument)
			.filter(Objects::nonNull)
			.toList();
		Prompt prompt = new Prompt(annotation.name().isEmpty() ? method.getName() : annotation.name(),
				emptyToNull(annotation.title()), emptyToNull(annotation.description()),
				arguments.isEmpty() ? null : arguments);
		Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
		ReflectionUtils.makeAccessible(invocable);
		return new PromptMethod(bean, invocable, prompt, bindings, this.converter);
	}

	private static List<PromptArgumentBinding> bindings(Method method) {
		List<PromptArgumentBinding> bindings = new ArrayList<>();
		for (int i = 0; i < method.getParameterCount(); i++) {
			MethodParameter parameter = new MethodParameter(method, i);
			if (parameter.getParameterType() == McpContext.class) {
				bindings.add(PromptArgumentBinding.context());
				continue;
			}
			McpPromptArg annotation = parameter.getParameterAnnotation(McpPromptArg.class);
			String name = StringArgument.parameterName(method, i, (annotation != null) ? annotation.name() : null);
			if (name == null) {
				throw new IllegalStateException("Cannot tell the name of parameter " + i + " of MCP prompt method "
						+ method.toGenericString() + ": compile with -parameters (Spring Boot's build plugins do) "
						+ "or name it with @McpPromptArg(name = ...)");
			}
			StringArgument value = new StringArgument(name, parameter);
			boolean required = parameter.getParameterType().isPrimitive()
					|| ((annotation == null || annotation.required()) && !value.isOptional());
			bindings.add(new PromptArgumentBinding(new PromptArgument(name,
					(annotation != null) ? emptyToNull(annotation.title()) : null,
					(annotation != null) ? emptyToNull(annotation.description()) : null, required), value));
		}
		return List.copyOf(bindings);
	}

	private static String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}

	/**
	 * An {@link McpPrompt} method of a bean.
	 */
	private static final class PromptMethod implements McpPromptHandler {

		private final Object bean;

		private final Method method;

		private final Prompt prompt;

		private final List<PromptArgumentBinding> bindings;

		private final PromptResultConverter converter;

		PromptMethod(Object bean, Method method, Prompt prompt, List<PromptArgumentBinding> bindings,
				PromptResultConverter converter) {
			this.bean = bean;
			this.method = method;
			this.prompt = prompt;
			this.bindings = bindings;
			this.converter = converter;
		}

		@Override
		public Prompt prompt() {
			return this.prompt;
		}

		@Override
		public GetPromptResult get(Map<String, String> arguments, McpContext context) throws Exception {
			Object[] values = new Object[this.bindings.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = this.bindings.get(i).bind(arguments, context);
			}
			try {
				Object result = this.method.invoke(this.bean, values);
				if (result instanceof CompletionStage<?> stage) {
					result = stage.toCompletableFuture().get();
				}
				return this.converter.convert(result);
			}
			catch (InvocationTargetException ex) {
				throw rethrow(ex.getCause());
			}
			catch (ExecutionException ex) {
				throw rethrow(ex.getCause());
			}
		}

		@Override
		public List<String> knownValues(String argument) {
			return this.bindings.stream()
				.filter((binding) -> binding.argument() != null && binding.argument().name().equals(argument))
				.findFirst()
				.map((binding) -> binding.value().knownValues())
				.orElse(List.of());
		}

		private static Exception rethrow(Throwable failure) {
			if (failure instanceof Error error) {
				throw error;
			}
			return (Exception) failure;
		}

		@Override
		public String toString() {
			return this.method.toGenericString();
		}

	}

}
