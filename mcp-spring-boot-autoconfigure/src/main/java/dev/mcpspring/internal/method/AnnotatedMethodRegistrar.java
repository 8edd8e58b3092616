package dev.mcpspring.internal.method;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * Registers bean methods carrying an annotation (tools, background functions, ...).
 *
 * @param <A> the annotation type
 */
public interface AnnotatedMethodRegistrar<A extends Annotation> {

	/**
	 * Returns the annotation this registrar handles.
	 * @return the annotation type
	 */
	Class<A> annotationType();

	/**
	 * Registers one annotated method.
	 * @param bean the bean (possibly a proxy)
	 * @param method the method, declared on the bean's user class
	 * @param annotation the merged annotation
	 */
	void register(Object bean, Method method, A annotation);

}
