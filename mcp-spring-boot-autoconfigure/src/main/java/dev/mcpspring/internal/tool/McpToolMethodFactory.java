package dev.mcpspring.internal.tool;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.validation.Validator;
import jakarta.validation.executable.ExecutableValidator;
import jakarta.validation.metadata.MethodDescriptor;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;

import dev.mcpspring.CallToolResult;
import dev.mcpspring.Content;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpTool;
import dev.mcpspring.McpToolHandler;
import dev.mcpspring.McpToolParam;
import dev.mcpspring.McpToolRegistry;
import dev.mcpspring.TaskSupport;
import dev.mcpspring.Tool;
import dev.mcpspring.ToolAnnotations;
import dev.mcpspring.internal.method.AnnotatedMethodRegistrar;
import dev.mcpspring.internal.method.InvocableMethod;
import dev.mcpspring.internal.method.MethodParameters;
import dev.mcpspring.internal.method.ToolArgument;
import dev.mcpspring.internal.method.ToolSchemaGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Builds {@link McpToolHandler}s from bean methods ({@link McpTool} methods, background
 * functions): names, schemas, argument binding and validation. As a registrar it adds
 * every {@link McpTool} method to the {@link McpToolRegistry}.
 */
public class McpToolMethodFactory implements AnnotatedMethodRegistrar<McpTool> {

	private final ObjectMapper mapper;

	private final ToolSchemaGenerator schemas;

	private final ToolResultConverter converter;

	private final @Nullable Validator validator;

	private final McpToolRegistry registry;

	/**
	 * Creates a factory.
	 * @param mapper reads arguments and writes results of tools
	 * @param validator validates constrained arguments, or {@code null}
	 * @param registry where annotated tools are registered
	 */
	public McpToolMethodFactory(ObjectMapper mapper, @Nullable Validator validator, McpToolRegistry registry) {
		this.mapper = mapper;
		this.registry = registry;
		this.schemas = new ToolSchemaGenerator(mapper);
		this.converter = new ToolResultConverter(mapper);
		this.validator = validator;
	}

	@Override
	public Class<McpTool> annotationType() {
		return McpTool.class;
	}

	@Override
	public void register(Object bean, Method method, McpTool annotation) {
		this.registry.register(create(bean, method, annotation));
	}

	/**
	 * Adapts an {@link McpTool} method.
	 * @param bean the bean (possibly a proxy)
	 * @param method the annotated method of the bean's class
	 * @param annotation the annotation
	 * @return the tool
	 */
	public McpToolHandler create(Object bean, Method method, McpTool annotation) {
		String name = annotation.name().isEmpty() ? method.getName() : annotation.name();
		return create(bean, method, name, emptyToNull(annotation.title()), emptyToNull(annotation.description()),
				annotations(annotation), taskSupport(annotation.task()), annotation.inputBeforeTask());
	}

	/**
	 * Adapts any bean method to a callable handler, with arguments bound by parameter
	 * name (used for background functions).
	 * @param bean the bean (possibly a proxy)
	 * @param method the method of the bean's class
	 * @param name the name to report
	 * @return the handler
	 */
	public McpToolHandler create(Object bean, Method method, String name) {
		return create(bean, method, name, null, null, null, null, false);
	}

	private McpToolHandler create(Object bean, Method method, String name, @Nullable String title,
			@Nullable String description, @Nullable ToolAnnotations annotations, @Nullable TaskSupport taskSupport,
			boolean inputBeforeTask) {
		List<ToolArgument> arguments = arguments(method);
		List<ToolArgument> schemaArguments = arguments.stream().filter((argument) -> !argument.isContext()).toList();
		Tool tool = new Tool(name, title, description, this.schemas.inputSchema(schemaArguments),
				outputSchema(method), annotations, null);
		return new McpToolMethod(new InvocableMethod<>(bean, method, arguments), tool, taskSupport, inputBeforeTask,
				arguments, this.converter, executableValidator(bean, method));
	}

	private List<ToolArgument> arguments(Method method) {
		Parameter[] parameters = method.getParameters();
		List<ToolArgument> arguments = new ArrayList<>(parameters.length);
		for (int i = 0; i < parameters.length; i++) {
			Parameter parameter = parameters[i];
			MethodParameter methodParameter = new MethodParameter(method, i);
			McpToolParam param = parameter.getAnnotation(McpToolParam.class);
			String name = (parameter.getType() != McpContext.class) ? MethodParameters.name(methodParameter,
					(param != null) ? param.name() : null, "MCP tool method", "@McpToolParam") : null;
			ResolvableType type = ResolvableType.forMethodParameter(methodParameter);
			boolean optional = parameter.getType() == Optional.class;
			Type valueType = optional ? type.getGeneric(0).getType() : type.getType();
			boolean required = !optional && (param == null || param.required() || parameter.getType().isPrimitive())
					&& !MethodParameters.isNullable(methodParameter);
			arguments.add(new ToolArgument(name, (param != null) ? param.description() : "", required,
					(param != null) ? emptyToNull(param.header()) : null, parameter, valueType,
					this.mapper.readerFor(this.mapper.constructType(valueType))));
		}
		return arguments;
	}

	private tools.jackson.databind.node.@Nullable ObjectNode outputSchema(Method method) {
		ResolvableType type = ResolvableType.forMethodReturnType(method);
		if (CompletionStage.class.isAssignableFrom(type.toClass())) {
			type = type.as(CompletionStage.class).getGeneric(0);
		}
		Class<?> raw = type.toClass();
		if (raw == void.class || raw == Void.class || raw == Object.class || CharSequence.class.isAssignableFrom(raw)
				|| CallToolResult.class.isAssignableFrom(raw) || Content.class.isAssignableFrom(raw)
				|| Collection.class.isAssignableFrom(raw) || raw.isPrimitive() || raw.isArray()) {
			return null;
		}
		return this.schemas.outputSchema(concreteType(type));
	}

	/**
	 * Returns the Java type a {@link ResolvableType} stands for, with type variables
	 * replaced by what they resolve to. ({@code CompletableFuture<Weather>} unwrapped
	 * through {@code CompletionStage<T>} has the variable {@code T} as its
	 * {@link ResolvableType#getType() type}, which the schema generator cannot resolve.)
	 * @param type the type
	 * @return a class or a parameterized type without type variables
	 */
	private static Type concreteType(ResolvableType type) {
		if (!type.hasGenerics()) {
			return type.toClass();
		}
		ResolvableType[] generics = Arrays.stream(type.getGenerics())
			.map((generic) -> ResolvableType.forType(concreteType(generic)))
			.toArray(ResolvableType[]::new);
		return ResolvableType.forClassWithGenerics(type.toClass(), generics).getType();
	}

	private static @Nullable ToolAnnotations annotations(McpTool annotation) {
		if (!annotation.readOnlyHint() && annotation.destructiveHint() && !annotation.idempotentHint()
				&& annotation.openWorldHint()) {
			return null;
		}
		return new ToolAnnotations(null, annotation.readOnlyHint() ? true : null,
				annotation.destructiveHint() ? null : false, annotation.idempotentHint() ? true : null,
				annotation.openWorldHint() ? null : false);
	}

	private static @Nullable TaskSupport taskSupport(McpTool.Task task) {
		return (task == McpTool.Task.DEFAULT) ? null : TaskSupport.valueOf(task.name());
	}

	private @Nullable ExecutableValidator executableValidator(Object bean, Method method) {
		if (this.validator == null) {
			return null;
		}
		MethodDescriptor descriptor = this.validator.getConstraintsForClass(AopUtils.getTargetClass(bean))
			.getConstraintsForMethod(method.getName(), method.getParameterTypes());
		return (descriptor != null && descriptor.hasConstrainedParameters()) ? this.validator.forExecutables() : null;
	}

	private static @Nullable String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}

}
