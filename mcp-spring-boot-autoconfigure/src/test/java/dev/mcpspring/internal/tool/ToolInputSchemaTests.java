package dev.mcpspring.internal.tool;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input schemas generated for the argument types of {@code @McpTool} methods, as
 * {@code tools/list} shows them.
 */
@McpServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToolInputSchemaTests {

	@LocalServerPort
	private int port;

	private Map<String, JsonNode> schemas;

	@BeforeAll
	void listTools() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		this.schemas = new HashMap<>();
		client.listAllTools().forEach((tool) -> this.schemas.put(tool.path("name").asString(), tool.path("inputSchema")));
	}

	@Test
	void everyInputSchemaIsAnObjectWithoutMetaSchemaReference() {
		assertThat(this.schemas.values()).allSatisfy((schema) -> {
			assertThat(schema.path("type").asString()).isEqualTo("object");
			assertThat(schema.path("properties").isObject()).isTrue();
			assertThat(schema.has("$schema")).isFalse();
		});
	}

	@Test
	void toolWithoutParametersHasEmptyPropertiesAndNoRequiredList() {
		JsonNode schema = this.schemas.get("void_result");
		assertThat(schema.path("properties").isEmpty()).isTrue();
		assertThat(schema.has("required")).isFalse();
	}

	@Test
	void primitivesMapToJsonTypesAndAreRequired() {
		JsonNode schema = this.schemas.get("primitives");
		assertThat(type(schema, "count")).isEqualTo("integer");
		assertThat(type(schema, "big")).isEqualTo("integer");
		assertThat(type(schema, "ratio")).isEqualTo("number");
		assertThat(type(schema, "flag")).isEqualTo("boolean");
		assertThat(required(schema)).containsExactly("count", "big", "ratio", "flag");
	}

	@Test
	void parameterDescriptionIsCarried() {
		assertThat(property(this.schemas.get("primitives"), "count").path("description").asString())
			.isEqualTo("A whole number");
		assertThat(property(this.schemas.get("echo"), "text").path("description").asString())
			.isEqualTo("The text to echo");
		assertThat(property(this.schemas.get("primitives"), "big").has("description")).isFalse();
	}

	@Test
	void stringIsStringAndRequired() {
		JsonNode schema = this.schemas.get("echo");
		assertThat(type(schema, "text")).isEqualTo("string");
		assertThat(required(schema)).containsExactly("text");
	}

	@Test
	void enumListsItsConstants() {
		JsonNode priority = property(this.schemas.get("enum_arg"), "priority");
		assertThat(priority.path("type").asString()).isEqualTo("string");
		assertThat(texts(priority.path("enum"))).containsExactly("LOW", "MEDIUM", "HIGH");
		assertThat(priority.path("description").asString()).isEqualTo("How urgent it is");
	}

	@Test
	void recordIsObjectWithItsComponentsAndNestedRecord() {
		JsonNode customer = resolve(this.schemas.get("record_arg"), property(this.schemas.get("record_arg"), "customer"));
		assertThat(customer.path("type").asString()).isEqualTo("object");
		assertThat(customer.path("properties").propertyNames()).contains("name", "priority", "address");
		assertThat(texts(customer.path("properties").path("priority").path("enum"))).containsExactly("LOW",
				"MEDIUM", "HIGH");
		JsonNode address = resolve(this.schemas.get("record_arg"), customer.path("properties").path("address"));
		assertThat(address.path("type").asString()).isEqualTo("object");
		assertThat(address.path("properties").propertyNames()).contains("street", "city", "zip");
	}

	@Test
	void recordUsedTwiceIsDefinedOnceInDefs() {
		JsonNode schema = this.schemas.get("route");
		assertThat(property(schema, "from").path("$ref").asString()).isEqualTo("#/$defs/Address");
		assertThat(property(schema, "to").path("$ref").asString()).isEqualTo("#/$defs/Address");
		JsonNode address = schema.path("$defs").path("Address");
		assertThat(address.path("type").asString()).isEqualTo("object");
		assertThat(address.path("properties").propertyNames()).contains("street", "city", "zip");
		assertThat(required(schema)).containsExactly("from", "to");
	}

	@Test
	void constraintsOnRecordFieldsBecomeSchemaKeywords() {
		JsonNode booking = resolve(this.schemas.get("constrained_record"),
				property(this.schemas.get("constrained_record"), "booking"));
		JsonNode properties = booking.path("properties");
		assertThat(properties.path("guest").path("minLength").asInt()).isEqualTo(1);
		assertThat(properties.path("nights").path("minimum").asInt()).isEqualTo(1);
		assertThat(properties.path("nights").path("maximum").asInt()).isEqualTo(14);
		assertThat(properties.path("rooms").path("type").asString()).isEqualTo("array");
		assertThat(properties.path("rooms").path("minItems").asInt()).isEqualTo(1);
		assertThat(required(booking)).contains("guest");
		JsonNode address = this.schemas.get("route").path("$defs").path("Address");
		assertThat(address.path("properties").path("zip").path("pattern").asString()).isEqualTo("[0-9]{5}");
	}

	@Test
	void constraintsOnParametersBecomeSchemaKeywords() {
		JsonNode schema = this.schemas.get("constrained_params");
		assertThat(property(schema, "rating").path("minimum").asInt()).isEqualTo(1);
		assertThat(property(schema, "rating").path("maximum").asInt()).isEqualTo(5);
		assertThat(property(schema, "title").path("minLength").asInt()).isEqualTo(1);
		assertThat(property(schema, "title").path("maxLength").asInt()).isEqualTo(20);
		assertThat(property(schema, "code").path("pattern").asString()).isEqualTo("[A-Z]{3}");
		assertThat(property(schema, "email").path("format").asString()).isEqualTo("email");
	}

	@Test
	void pojoIsObjectWithItsBeanProperties() {
		JsonNode order = resolve(this.schemas.get("pojo_arg"), property(this.schemas.get("pojo_arg"), "order"));
		assertThat(order.path("type").asString()).isEqualTo("object");
		assertThat(order.path("properties").path("item").path("type").asString()).isEqualTo("string");
		assertThat(order.path("properties").path("quantity").path("type").asString()).isEqualTo("integer");
	}

	@Test
	void listIsArrayOfItsElementType() {
		JsonNode schema = this.schemas.get("list_arg");
		JsonNode tags = property(schema, "tags");
		assertThat(tags.path("type").asString()).isEqualTo("array");
		assertThat(tags.path("items").path("type").asString()).isEqualTo("string");
		JsonNode stops = property(schema, "stops");
		assertThat(stops.path("type").asString()).isEqualTo("array");
		JsonNode item = resolve(schema, stops.path("items"));
		assertThat(item.path("type").asString()).isEqualTo("object");
		assertThat(item.path("properties").has("city")).isTrue();
	}

	@Test
	void mapIsObjectWithAdditionalPropertiesOfItsValueType() {
		JsonNode counts = property(this.schemas.get("map_arg"), "counts");
		assertThat(counts.path("type").asString()).isEqualTo("object");
		assertThat(counts.path("additionalProperties").path("type").asString()).isEqualTo("integer");
	}

	@Test
	void optionalAndNotRequiredParametersAreNotRequired() {
		JsonNode schema = this.schemas.get("optional_arg");
		assertThat(type(schema, "nickname")).isEqualTo("string");
		assertThat(type(schema, "limit")).isEqualTo("integer");
		assertThat(required(schema)).isEmpty();
	}

	@Test
	void contextParameterIsNotPartOfTheSchema() {
		JsonNode schema = this.schemas.get("context_parameter");
		assertThat(schema.path("properties").propertyNames()).containsExactly("label");
		assertThat(required(schema)).containsExactly("label");
		assertThat(schema.toString()).doesNotContain("McpContext").doesNotContain("context\"");
		assertThat(this.schemas.get("progress").path("properties").propertyNames()).containsExactly("steps");
		assertThat(this.schemas.get("block_until_cancelled").path("properties").isEmpty()).isTrue();
	}

	private static JsonNode property(JsonNode schema, String name) {
		JsonNode property = schema.path("properties").path(name);
		assertThat(property.isObject()).as("property %s in %s", name, schema).isTrue();
		return property;
	}

	private static String type(JsonNode schema, String name) {
		return property(schema, name).path("type").asString();
	}

	/**
	 * Follows a {@code $ref} into the root schema's {@code $defs}, so assertions hold
	 * whether a type is inlined or defined once.
	 */
	private static JsonNode resolve(JsonNode root, JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		if (ref.isEmpty()) {
			return schema;
		}
		assertThat(ref).startsWith("#/$defs/");
		JsonNode definition = root.path("$defs").path(ref.substring("#/$defs/".length()));
		assertThat(definition.isObject()).as("definition %s in %s", ref, root).isTrue();
		return definition;
	}

	private static List<String> required(JsonNode schema) {
		return texts(schema.path("required"));
	}

	private static List<String> texts(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

}
