package dev.mcpspring.internal.method;

import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import tools.jackson.databind.node.ObjectNode;

/**
 * Carries Jakarta Validation constraints declared on a tool method's parameters into the
 * argument's schema. (The schema generator covers constraints on fields of records and
 * POJOs; parameters are not members it sees.) The constraints themselves are enforced
 * by the application's {@code Validator}.
 */
final class ParameterConstraints {

	private ParameterConstraints() {
	}

	static void apply(Parameter parameter, ObjectNode schema) {
		Class<?> type = parameter.getType();
		boolean array = type.isArray() || Collection.class.isAssignableFrom(type);
		boolean object = Map.class.isAssignableFrom(type);
		Min min = parameter.getAnnotation(Min.class);
		if (min != null) {
			schema.put("minimum", min.value());
		}
		Max max = parameter.getAnnotation(Max.class);
		if (max != null) {
			schema.put("maximum", max.value());
		}
		DecimalMin decimalMin = parameter.getAnnotation(DecimalMin.class);
		if (decimalMin != null) {
			schema.put(decimalMin.inclusive() ? "minimum" : "exclusiveMinimum", new BigDecimal(decimalMin.value()));
		}
		DecimalMax decimalMax = parameter.getAnnotation(DecimalMax.class);
		if (decimalMax != null) {
			schema.put(decimalMax.inclusive() ? "maximum" : "exclusiveMaximum", new BigDecimal(decimalMax.value()));
		}
		if (parameter.isAnnotationPresent(Positive.class)) {
			schema.put("exclusiveMinimum", 0);
		}
		if (parameter.isAnnotationPresent(PositiveOrZero.class)) {
			schema.put("minimum", 0);
		}
		if (parameter.isAnnotationPresent(Negative.class)) {
			schema.put("exclusiveMaximum", 0);
		}
		if (parameter.isAnnotationPresent(NegativeOrZero.class)) {
			schema.put("maximum", 0);
		}
		Size size = parameter.getAnnotation(Size.class);
		if (size != null) {
			String prefix = array ? "Items" : object ? "Properties" : "Length";
			if (size.min() > 0) {
				schema.put("min" + prefix, size.min());
			}
			if (size.max() < Integer.MAX_VALUE) {
				schema.put("max" + prefix, size.max());
			}
		}
		if (parameter.isAnnotationPresent(NotEmpty.class) || parameter.isAnnotationPresent(NotBlank.class)) {
			schema.put(array ? "minItems" : object ? "minProperties" : "minLength", 1);
		}
		Pattern pattern = parameter.getAnnotation(Pattern.class);
		if (pattern != null) {
			schema.put("pattern", pattern.regexp());
		}
		if (parameter.isAnnotationPresent(Email.class)) {
			schema.put("format", "email");
		}
	}

}
