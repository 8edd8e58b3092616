package dev.mcpspring.internal.method;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
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
 * Finds annotated methods ({@code @McpTool}, {@code @DocketTask}, ...) on the
 * application's beans once all singletons exist, and hands them to their registrars, in
 * a deterministic order.
 */
public class AnnotatedMethodScanner implements SmartInitializingSingleton {

	private final ConfigurableListableBeanFactory beanFactory;

	private final List<AnnotatedMethodRegistrar<?>> registrars;

	public AnnotatedMethodScanner(ConfigurableListableBeanFactory beanFactory,
			List<AnnotatedMethodRegistrar<?>> registrars) {
		this.beanFactory = beanFactory;
		this.registrars = registrars;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (String beanName : this.beanFactory.getBeanNamesForType(Object.class, false, false)) {
			if (ScopedProxyUtils.isScopedTarget(beanName)) {
				continue;
			}
			Class<?> type = AutoProxyUtils.determineTargetClass(this.beanFactory, beanName);
			if (type != null) {
				for (AnnotatedMethodRegistrar<?> registrar : this.registrars) {
					scan(beanName, ClassUtils.getUserClass(type), registrar);
				}
			}
		}
	}

	private <A extends Annotation> void scan(String beanName, Class<?> type, AnnotatedMethodRegistrar<A> registrar) {
		Class<A> annotationType = registrar.annotationType();
		if (!AnnotationUtils.isCandidateClass(type, annotationType)) {
			return;
		}
		Map<Method, A> methods = MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<A>) (method) -> AnnotatedElementUtils.findMergedAnnotation(method,
						annotationType));
		if (methods.isEmpty()) {
			return;
		}
		Object bean = this.beanFactory.getBean(beanName);
		methods.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey(Comparator.comparing(Method::toGenericString)))
			.forEach((entry) -> registrar.register(bean, entry.getKey(), entry.getValue()));
	}

}
