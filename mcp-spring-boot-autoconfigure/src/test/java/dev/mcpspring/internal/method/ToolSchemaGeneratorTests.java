package dev.mcpspring.internal.method;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.mcpspring.McpContext;
import dev.mcpspring.internal.wire.McpJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ToolSchemaGenerator}: the input schema of a tool's parameters (types, required
 * arguments, descriptions, enums, records and nested types, validation constraints) and
 * the output schema of its return type.
 */
class ToolSchemaGeneratorTests {

	private final ToolSchemaGenerator generator = new ToolSchemaGenerator(McpJson.mapper());

	@Test
	void inputSchemaIsAnObjectWithOnePropertyPerArgumentAndNoMetaSchema() {
		ObjectNode schema = inputSchema("primitives");
		assertThat(schema.path("type").asString()).isEqualTo("object");
		assertThat(schema.has("$schema")).isFalse();
		assertThat(propertyNames(schema)).containsExactly("count", "big", "ratio", "flag", "text");
		assertThat(type(schema, "count")).isEqualTo("integer");
		assertThat(type(schema, "big")).isEqualTo("integer");
		assertThat(type(schema, "ratio")).isEqualTo("number");
		assertThat(type(schema, "flag")).isEqualTo("boolean");
		assertThat(type(schema, "text")).isEqualTo("string");
	}

	@Test
	void requiredListsOnlyRequiredArgumentsAndIsLeftOutWhenEmpty() {
		assertThat(names(inputSchema("primitives").path("required"))).containsExactly("count", "big", "ratio", "flag");
		assertThat(inputSchema("none").has("required")).isFalse();
		assertThat(inputSchema("none").path("properties").isEmpty()).isTrue();
	}

	@Test
	void descriptionIsCarriedWhenGiven() {
		ObjectNode schema = inputSchema("primitives");
		assertThat(property(schema, "count").path("description").asString()).isEqualTo("How many");
		assertThat(property(schema, "big").has("description")).isFalse();
	}

	@Test
	void optionalArgumentIsDescribedByItsValueType() {
		ObjectNode schema = inputSchema("optional");
		assertThat(type(schema, "limit")).isEqualTo("integer");
		assertThat(schema.has("required")).isFalse();
	}

	@Test
	void enumListsItsConstantsOrTheValuesOfItsPublicJsonValueMethod() {
		ObjectNode schema = inputSchema("enums");
		assertThat(type(schema, "color")).isEqualTo("string");
		assertThat(names(property(schema, "color").path("enum"))).containsExactly("RED", "GREEN");
		assertThat(names(property(schema, "size").path("enum"))).containsExactly("s", "m", "l");
	}

	@Test
	void recordIsAnObjectWithItsComponentsAndNestedTypesAreDefinedOnce() {
		ObjectNode schema = inputSchema("order");
		JsonNode order = resolve(schema, property(schema, "order"));
		assertThat(order.path("type").asString()).isEqualTo("object");
		assertThat(propertyNames(order)).containsExactlyInAnyOrder("id", "lines", "shipTo", "billTo", "note",
				"quantities");
		JsonNode lines = order.path("properties").path("lines");
		assertThat(lines.path("type").asString()).isEqualTo("array");
		JsonNode line = resolve(schema, lines.path("items"));
		assertThat(line.path("properties").path("sku").path("type").asString()).isEqualTo("string");
		JsonNode shipTo = resolve(schema, order.path("properties").path("shipTo"));
		JsonNode billTo = resolve(schema, order.path("properties").path("billTo"));
		assertThat(shipTo).isEqualTo(billTo);
		assertThat(shipTo.path("properties").path("zip").path("type").asString()).isEqualTo("string");
		assertThat(order.path("properties").path("quantities").path("additionalProperties").path("type").asString())
			.isEqualTo("integer");
		assertThat(names(order.path("properties").path("note").path("type"))).containsExactly("string", "null");
	}

	@Test
	void recordComponentsAreRequiredWhenNotNullOrJsonPropertyRequired() {
		ObjectNode schema = inputSchema("order");
		JsonNode order = resolve(schema, property(schema, "order"));
		assertThat(names(order.path("required"))).containsExactlyInAnyOrder("id", "lines");
	}

	@Test
	void constraintsOnRecordComponentsAreCarried() {
		ObjectNode schema = inputSchema("order");
		JsonNode order = resolve(schema, property(schema, "order"));
		JsonNode id = order.path("properties").path("id");
		assertThat(id.path("pattern").asString()).isEqualTo("[A-Z]{3}-[0-9]+");
		JsonNode lines = order.path("properties").path("lines");
		assertThat(lines.path("minItems").asInt()).isEqualTo(1);
		assertThat(lines.path("maxItems").asInt()).isEqualTo(50);
		JsonNode line = resolve(schema, lines.path("items"));
		assertThat(line.path("properties").path("quantity").path("minimum").asInt()).isEqualTo(1);
	}

	@Test
	void constraintsOnParametersAreCarried() {
		ObjectNode schema = inputSchema("constrained");
		assertThat(property(schema, "page").path("minimum").asInt()).isEqualTo(1);
		assertThat(property(schema, "page").path("maximum").asInt()).isEqualTo(100);
		assertThat(property(schema, "name").path("minLength").asInt()).isEqualTo(2);
		assertThat(property(schema, "name").path("maxLength").asInt()).isEqualTo(20);
		assertThat(property(schema, "name").path("pattern").asString()).isEqualTo("[a-z]+");
		assertThat(property(schema, "tags").path("minItems").asInt()).isEqualTo(1);
		assertThat(property(schema, "tags").has("maxItems")).isFalse();
		assertThat(property(schema, "labels").path("maxProperties").asInt()).isEqualTo(3);
		assertThat(property(schema, "email").path("format").asString()).isEqualTo("email");
		assertThat(property(schema, "query").path("minLength").asInt()).isEqualTo(1);
		assertThat(property(schema, "weight").path("exclusiveMinimum").asInt()).isZero();
		assertThat(property(schema, "ratio").path("exclusiveMinimum").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(property(schema, "ratio").has("minimum")).isFalse();
	}

	@Test
	void outputSchemaIsGivenForObjectsOnly() {
		ObjectNode schema = this.generator.outputSchema(Line.class);
		assertThat(schema).isNotNull();
		assertThat(schema.path("type").asString()).isEqualTo("object");
		assertThat(schema.has("$schema")).isFalse();
		assertThat(propertyNames(schema)).containsExactlyInAnyOrder("sku", "quantity");
		assertThat(this.generator.outputSchema(String.class)).isNull();
		assertThat(this.generator.outputSchema(int.class)).isNull();
		assertThat(this.generator.outputSchema(Color.class)).isNull();
		assertThat(this.generator.outputSchema(parameterType("listOfLines", 0))).isNull();
		assertThat(this.generator.outputSchema(parameterType("quantities", 0)).path("type").asString())
			.isEqualTo("object");
	}

	private ObjectNode inputSchema(String methodName) {
		Method method = method(methodName);
		List<ToolArgument> arguments = new ArrayList<>();
		for (Parameter parameter : method.getParameters()) {
			if (parameter.getType() == McpContext.class) {
				continue;
			}
			boolean optional = parameter.getType() == Optional.class;
			Type schemaType = optional
					? ((ParameterizedType) parameter.getParameterizedType()).getActualTypeArguments()[0]
					: parameter.getParameterizedType();
			Description description = parameter.getAnnotation(Description.class);
			boolean required = !optional
					&& (parameter.getType().isPrimitive() || parameter.isAnnotationPresent(NotNull.class));
			arguments.add(new ToolArgument(parameter.getName(), (description != null) ? description.value() : "",
					required, null, parameter, schemaType, null));
		}
		return this.generator.inputSchema(arguments);
	}

	private static Type parameterType(String methodName, int index) {
		return method(methodName).getParameters()[index].getParameterizedType();
	}

	private static Method method(String name) {
		return Arrays.stream(Tools.class.getDeclaredMethods())
			.filter((method) -> method.getName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private static JsonNode resolve(JsonNode root, JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		if (ref.isEmpty()) {
			return schema;
		}
		assertThat(ref).startsWith("#/$defs/");
		JsonNode definition = root.path("$defs").path(ref.substring("#/$defs/".length()));
		assertThat(definition.isObject()).as(ref).isTrue();
		return definition;
	}

	private static JsonNode property(JsonNode schema, String name) {
		return schema.path("properties").path(name);
	}

	private static String type(JsonNode schema, String name) {
		return property(schema, name).path("type").asString();
	}

	private static List<String> propertyNames(JsonNode schema) {
		return new ArrayList<>(schema.path("properties").propertyNames());
	}

	private static List<String> names(JsonNode array) {
		List<String> names = new ArrayList<>();
		array.forEach((node) -> names.add(node.asString()));
		return names;
	}

	@Retention(RetentionPolicy.RUNTIME)
	@interface Description {

		String value();

	}

	enum Color {

		RED, GREEN

	}

	public enum ShirtSize {

		SMALL("s"), MEDIUM("m"), LARGE("l");

		private final String code;

		ShirtSize(String code) {
			this.code = code;
		}

		@JsonValue
		public String code() {
			return this.code;
		}

	}

	record Address(String street, String zip) {
	}

	record Line(String sku, @Min(1) int quantity) {
	}

	record Order(@NotNull @Pattern(regexp = "[A-Z]{3}-[0-9]+") String id,
			@JsonProperty(required = true) @Size(min = 1, max = 50) List<Line> lines, Address shipTo,
			Address billTo, Optional<String> note, Map<String, Integer> quantities) {
	}

	static class Tools {

		void none(McpContext context) {
		}

		void primitives(@Description("How many") int count, long big, double ratio, boolean flag, String text) {
		}

		void optional(Optional<Integer> limit) {
		}

		void enums(Color color, ShirtSize size) {
		}

		void order(Order order) {
		}

		void constrained(@Min(1) @Max(100) int page, @Size(min = 2, max = 20) @Pattern(regexp = "[a-z]+") String name,
				@Size(min = 1) List<String> tags, @Size(max = 3) Map<String, String> labels, @Email String email,
				@NotBlank String query, @Positive double weight, @DecimalMin(value = "0.5", inclusive = false) double ratio) {
		}

		void listOfLines(List<Line> lines) {
		}

		void quantities(Map<String, Integer> quantities) {
		}

	}

}
