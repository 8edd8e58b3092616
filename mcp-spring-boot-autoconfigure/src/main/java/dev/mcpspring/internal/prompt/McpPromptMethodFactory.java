package dev.mcpspring.internal.prompt;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;

import dev.mcpspring.GetPromptResult;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpPrompt;
import dev.mcpspring.McpPromptArg;
import dev.mcpspring.McpPromptHandler;
import dev.mcpspring.McpPromptRegistry;
import dev.mcpspring.Prompt;
import dev.mcpspring.PromptArgument;
import dev.mcpspring.internal.method.AnnotatedMethodRegistrar;
import dev.mcpspring.internal.method.ArgumentResolver;
import dev.mcpspring.internal.method.InvocableMethod;
import dev.mcpspring.internal.method.MethodParameters;
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
		List<PromptArgumentBinding> bindings = new ArrayList<>();
		InvocableMethod<Map<String, String>> invocable = InvocableMethod.of(bean, method,
				(parameter) -> resolver(parameter, bindings));
		List<PromptArgument> arguments = bindings.stream().map(PromptArgumentBinding::argument).toList();
		Prompt prompt = new Prompt(annotation.name().isEmpty() ? method.getName() : annotation.name(),
				emptyToNull(annotation.title()), emptyToNull(annotation.description()),
				arguments.isEmpty() ? null : arguments);
		return new PromptMethod(invocable, prompt, List.copyOf(bindings), this.converter);
	}

	private static ArgumentResolver<Map<String, String>> resolver(MethodParameter parameter,
			List<PromptArgumentBinding> bindings) {
		if (parameter.getParameterType() == McpContext.class) {
			return ArgumentResolver.context();
		}
		McpPromptArg annotation = parameter.getParameterAnnotation(McpPromptArg.class);
		String name = MethodParameters.name(parameter, (annotation != null) ? annotation.name() : null,
				"MCP prompt method", "@McpPromptArg");
		StringArgument value = new StringArgument(name, parameter);
		boolean required = parameter.getParameterType().isPrimitive()
				|| ((annotation == null || annotation.required()) && !value.isOptional());
		PromptArgumentBinding binding = new PromptArgumentBinding(new PromptArgument(name,
				(annotation != null) ? emptyToNull(annotation.title()) : null,
				(annotation != null) ? emptyToNull(annotation.description()) : null, required), value);
		bindings.add(binding);
		return binding;
	}

	private static @Nullable String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}

	/**
	 * An {@link McpPrompt} method of a bean.
	 */
	private static final class PromptMethod implements McpPromptHandler {

		private final InvocableMethod<Map<String, String>> invocable;

		private final Prompt prompt;

		private final List<PromptArgumentBinding> bindings;

		private final PromptResultConverter converter;

		PromptMethod(InvocableMethod<Map<String, String>> invocable, Prompt prompt,
				List<PromptArgumentBinding> bindings, PromptResultConverter converter) {
			this.invocable = invocable;
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
			return this.converter.convert(this.invocable.invoke(arguments, context));
		}

		@Override
		public List<String> knownValues(String argument) {
			return this.bindings.stream()
				.filter((binding) -> binding.argument().name().equals(argument))
				.findFirst()
				.map((binding) -> binding.value().knownValues())
				.orElse(List.of());
		}

		@Override
		public String toString() {
			return this.invocable.toString();
		}

	}

}
