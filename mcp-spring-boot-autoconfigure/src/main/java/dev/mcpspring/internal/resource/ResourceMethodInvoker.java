package dev.mcpspring.internal.resource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import dev.mcpspring.McpContext;
import dev.mcpspring.McpException;
import dev.mcpspring.McpResource;
import dev.mcpspring.ResourceContents;
import dev.mcpspring.internal.method.StringArgument;

/**
 * Calls an {@link McpResource} method: binds the URI's variables, the URI and the
 * context to its parameters, and converts what it returns.
 */
final class ResourceMethodInvoker {

	private final Object bean;

	private final Method method;

	private final List<Object> parameters;

	private final ResourceResultConverter converter;

	private final String mimeType;

	private final boolean returnsContentsCollection;

	/**
	 * Creates an invoker.
	 * @param bean the bean
	 * @param method the method to invoke on the bean
	 * @param parameters per parameter: {@link McpContext}, {@link URI} (the classes, for
	 * those values) or the {@link StringArgument} of a variable
	 * @param converter converts return values
	 * @param mimeType the MIME type of text and binary contents, or {@code null}
	 * @param returnsContentsCollection whether the method returns a collection of
	 * {@link ResourceContents}
	 */
	ResourceMethodInvoker(Object bean, Method method, List<Object> parameters, ResourceResultConverter converter,
			String mimeType, boolean returnsContentsCollection) {
		this.bean = bean;
		this.method = method;
		this.parameters = parameters;
		this.converter = converter;
		this.mimeType = mimeType;
		this.returnsContentsCollection = returnsContentsCollection;
	}

	List<ResourceContents> invoke(String uri, Map<String, String> variables, McpContext context) throws Exception {
		Object[] values = new Object[this.parameters.size()];
		for (int i = 0; i < values.length; i++) {
			Object parameter = this.parameters.get(i);
			if (parameter == McpContext.class) {
				values[i] = context;
			}
			else if (parameter == URI.class) {
				values[i] = URI.create(uri);
			}
			else {
				StringArgument variable = (StringArgument) parameter;
				try {
					values[i] = variable.convert(variables.get(variable.name()));
				}
				catch (IllegalArgumentException ex) {
					throw McpException.resourceNotFound(uri);
				}
			}
		}
		Object result = call(values);
		if (this.returnsContentsCollection && result instanceof Collection<?> collection && collection.isEmpty()) {
			return List.of();
		}
		return this.converter.convert(result, uri, this.mimeType);
	}

	private Object call(Object[] values) throws Exception {
		try {
			Object result = this.method.invoke(this.bean, values);
			if (result instanceof CompletionStage<?> stage) {
				result = stage.toCompletableFuture().get();
			}
			return result;
		}
		catch (InvocationTargetException ex) {
			throw rethrow(ex.getCause());
		}
		catch (ExecutionException ex) {
			throw rethrow(ex.getCause());
		}
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
