package dev.mcpspring.server.tool;

import java.lang.reflect.Method;
import java.util.Map;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Finds {@link McpTool} methods on the application's beans once all singletons exist,
 * and registers them as tools.
 */
public class McpToolMethodScanner implements SmartInitializingSingleton {

	private final ConfigurableListableBeanFactory beanFactory;

	private final McpToolRegistry registry;

	private final McpToolMethodFactory factory;

	public McpToolMethodScanner(ConfigurableListableBeanFactory beanFactory, McpToolRegistry registry,
			McpToolMethodFactory factory) {
		this.beanFactory = beanFactory;
		this.registry = registry;
		this.factory = factory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (String beanName : this.beanFactory.getBeanNamesForType(Object.class, false, false)) {
			if (ScopedProxyUtils.isScopedTarget(beanName)) {
				continue;
			}
			Class<?> type = AutoProxyUtils.determineTargetClass(this.beanFactory, beanName);
			if (type == null || !AnnotationUtils.isCandidateClass(type, McpTool.class)) {
				continue;
			}
			Map<Method, McpTool> methods = MethodIntrospector.selectMethods(ClassUtils.getUserClass(type),
					(MethodIntrospector.MetadataLookup<McpTool>) (method) -> AnnotatedElementUtils
						.findMergedAnnotation(method, McpTool.class));
			if (methods.isEmpty()) {
				continue;
			}
			Object bean = this.beanFactory.getBean(beanName);
			methods.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey((a, b) -> a.toGenericString().compareTo(b.toGenericString())))
				.forEach((entry) -> this.registry.register(this.factory.create(bean, entry.getKey(), entry.getValue())));
		}
	}

}
