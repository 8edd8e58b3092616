package dev.mcpspring.internal.resource;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;

import dev.mcpspring.McpContext;
import dev.mcpspring.McpException;
import dev.mcpspring.McpResource;
import dev.mcpspring.McpResourceHandler;
import dev.mcpspring.McpResourceRegistry;
import dev.mcpspring.McpResourceTemplateHandler;
import dev.mcpspring.Resource;
import dev.mcpspring.ResourceContents;
import dev.mcpspring.ResourceTemplate;
import dev.mcpspring.internal.method.AnnotatedMethodRegistrar;
import dev.mcpspring.internal.method.ArgumentResolver;
import dev.mcpspring.internal.method.InvocableMethod;
import dev.mcpspring.internal.method.MethodParameters;
import dev.mcpspring.internal.method.StringArgument;
import tools.jackson.databind.ObjectMapper;

/**
 * Adapts {@link McpResource} methods to resources and resource templates, and registers
 * them with the {@link McpResourceRegistry}.
 */
public class McpResourceMethodFactory implements AnnotatedMethodRegistrar<McpResource> {

	private final ResourceResultConverter converter;

	private final McpResourceRegistry registry;

	/**
	 * Creates a factory.
	 * @param mapper writes objects returned by resource methods as JSON
	 * @param registry where annotated resources are registered
	 */
	public McpResourceMethodFactory(ObjectMapper mapper, McpResourceRegistry registry) {
		this.converter = new ResourceResultConverter(mapper);
		this.registry = registry;
	}

	@Override
	public Class<McpResource> annotationType() {
		return McpResource.class;
	}

	@Override
	public void register(Object bean, Method method, McpResource annotation) {
		if (UriTemplate.isTemplate(annotation.uri())) {
			this.registry.register(createTemplate(bean, method, annotation));
		}
		else {
			this.registry.register(createResource(bean, method, annotation));
		}
	}

	/**
	 * Adapts an {@link McpResource} method with a fixed URI.
	 * @param bean the bean (possibly a proxy)
	 * @param method the annotated method of the bean's class
	 * @param annotation the annotation
	 * @return the resource
	 */
	public McpResourceHandler createResource(Object bean, Method method, McpResource annotation) {
		String uri = annotation.uri();
		ResourceMethodInvoker invoker = invoker(bean, method, annotation, List.of());
		Resource resource = new Resource(uri, name(method, annotation), emptyToNull(annotation.title()),
				emptyToNull(annotation.description()), listedMimeType(method, annotation), null, null);
		return new McpResourceHandler() {

			@Override
			public Resource resource() {
				return resource;
			}

			@Override
			public List<ResourceContents> read(McpContext context) throws Exception {
				return invoker.invoke(uri, Map.of(), context);
			}

			@Override
			public String toString() {
				return invoker.toString();
			}

		};
	}

	/**
	 * Adapts an {@link McpResource} method with a URI template.
	 * @param bean the bean (possibly a proxy)
	 * @param method the annotated method of the bean's class
	 * @param annotation the annotation
	 * @return the resource template
	 */
	public McpResourceTemplateHandler createTemplate(Object bean, Method method, McpResource annotation) {
		UriTemplate uriTemplate;
		try {
			uriTemplate = UriTemplate.parse(annotation.uri());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(ex.getMessage() + " (on " + method.toGenericString() + ")", ex);
		}
		List<StringArgument> variables = new ArrayList<>();
		ResourceMethodInvoker invoker = invoker(bean, method, annotation, uriTemplate.variableNames(), variables);
		ResourceTemplate template = new ResourceTemplate(annotation.uri(), name(method, annotation),
				emptyToNull(annotation.title()), emptyToNull(annotation.description()),
				listedMimeType(method, annotation), null);
		return new McpResourceTemplateHandler() {

			@Override
			public ResourceTemplate template() {
				return template;
			}

			@Override
			public List<ResourceContents> read(String uri, Map<String, String> values, McpContext context)
					throws Exception {
				return invoker.invoke(uri, values, context);
			}

			@Override
			public List<String> knownValues(String variable) {
				return variables.stream()
					.filter((argument) -> argument.name().equals(variable))
					.findFirst()
					.map(StringArgument::knownValues)
					.orElse(List.of());
			}

			@Override
			public String toString() {
				return invoker.toString();
			}

		};
	}

	private ResourceMethodInvoker invoker(Object bean, Method method, McpResource annotation,
			List<String> variableNames) {
		return invoker(bean, method, annotation, variableNames, new ArrayList<>());
	}

	private ResourceMethodInvoker invoker(Object bean, Method method, McpResource annotation,
			List<String> variableNames, List<StringArgument> variables) {
		InvocableMethod<ResourceMethodInvoker.Read> invocable = InvocableMethod.of(bean, method,
				(parameter) -> resolver(parameter, annotation, variableNames, variables));
		return new ResourceMethodInvoker(invocable, this.converter, emptyToNull(annotation.mimeType()),
				ResourceResultConverter.isContentsCollection(returnType(method)));
	}

	private static ArgumentResolver<ResourceMethodInvoker.Read> resolver(MethodParameter parameter,
			McpResource annotation, List<String> variableNames, List<StringArgument> variables) {
		Class<?> type = parameter.getParameterType();
		if (type == McpContext.class) {
			return ArgumentResolver.context();
		}
		if (type == URI.class) {
			return (read, context) -> URI.create(read.uri());
		}
		String name = MethodParameters.name(parameter, null, "MCP resource method", null);
		if (!variableNames.contains(name)) {
			throw new IllegalStateException("Parameter '" + name + "' of MCP resource method "
					+ parameter.getExecutable().toGenericString() + " is not a variable of '" + annotation.uri() + "'"
					+ (variableNames.isEmpty() ? "" : " (its variables: " + variableNames + ")")
					+ "; other parameters may be of type McpContext or java.net.URI");
		}
		StringArgument variable = new StringArgument(name, parameter);
		variables.add(variable);
		return (read, context) -> {
			try {
				return variable.convert(read.variables().get(name));
			}
			catch (IllegalArgumentException ex) {
				throw McpException.resourceNotFound(read.uri());
			}
		};
	}

	private static String name(Method method, McpResource annotation) {
		return annotation.name().isEmpty() ? method.getName() : annotation.name();
	}

	private static @Nullable String listedMimeType(Method method, McpResource annotation) {
		if (!annotation.mimeType().isEmpty()) {
			return annotation.mimeType();
		}
		return ResourceResultConverter.defaultMimeType(returnType(method));
	}

	private static ResolvableType returnType(Method method) {
		ResolvableType type = ResolvableType.forMethodReturnType(method);
		if (CompletionStage.class.isAssignableFrom(type.toClass())) {
			type = type.as(CompletionStage.class).getGeneric(0);
		}
		if (type.toClass() == Optional.class) {
			type = type.getGeneric(0);
		}
		return type;
	}

	private static @Nullable String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}

}
