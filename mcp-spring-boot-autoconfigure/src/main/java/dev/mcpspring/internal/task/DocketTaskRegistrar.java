package dev.mcpspring.internal.task;

import java.lang.reflect.Method;

import org.springframework.beans.factory.ObjectProvider;

import dev.mcpspring.McpToolHandler;
import dev.mcpspring.internal.docket.TaskFunctionRegistry;
import dev.mcpspring.internal.method.AnnotatedMethodRegistrar;
import dev.mcpspring.internal.tool.McpToolMethodFactory;
import dev.mcpspring.tasks.DocketTask;
import dev.mcpspring.tasks.TaskInfo;

/**
 * Registers {@link DocketTask} methods as task functions: arguments bind to parameters by
 * name, a {@code McpContext} parameter receives the background context, and the result
 * is stored like a tool's.
 */
public class DocketTaskRegistrar implements AnnotatedMethodRegistrar<DocketTask> {

	private final TaskFunctionRegistry functions;

	private final McpToolMethodFactory factory;

	private final ObjectProvider<TaskHost> server;

	private final TaskPropagation propagation;

	private final TaskMessages messages;

	public DocketTaskRegistrar(TaskFunctionRegistry functions, McpToolMethodFactory factory,
			ObjectProvider<TaskHost> server, TaskPropagation propagation, TaskMessages messages) {
		this.functions = functions;
		this.factory = factory;
		this.server = server;
		this.propagation = propagation;
		this.messages = messages;
	}

	@Override
	public Class<DocketTask> annotationType() {
		return DocketTask.class;
	}

	@Override
	public void register(Object bean, Method method, DocketTask annotation) {
		String name = annotation.value().isEmpty() ? method.getName() : annotation.value();
		if (name.startsWith(McpTasksFeature.TOOL_FUNCTION_PREFIX)) {
			throw new IllegalStateException("@DocketTask name '" + name + "' on " + method.toGenericString()
					+ " uses the reserved prefix '" + McpTasksFeature.TOOL_FUNCTION_PREFIX + "'");
		}
		McpToolHandler handler = this.factory.create(bean, method, name);
		this.functions.register(name, new McpToolTaskFunction(this.server.getObject(), this.propagation,
				this.messages) {

			@Override
			protected McpToolHandler handler(TaskInfo task) {
				return handler;
			}

		});
	}

}
