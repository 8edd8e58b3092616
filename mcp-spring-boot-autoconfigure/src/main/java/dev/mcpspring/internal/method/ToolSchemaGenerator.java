package dev.mcpspring.internal.method;

import java.lang.reflect.Type;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates JSON Schemas (2020-12) for tool arguments and results from Java types, with
 * victools jsonschema-generator and its Jackson and Jakarta Validation modules. Schemas
 * carry no {@code $schema} member: MCP defaults to 2020-12, and some clients' validators
 * reject the meta-schema reference.
 */
public class ToolSchemaGenerator {

	/** The keyword that marks a property a client mirrors into an {@code Mcp-Param-*} header. */
	public static final String HEADER_KEYWORD = "x-mcp-header";

	private final SchemaGenerator generator;

	private final ObjectMapper mapper;

	public ToolSchemaGenerator(ObjectMapper mapper) {
		this.mapper = mapper;
		SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(mapper, SchemaVersion.DRAFT_2020_12,
				OptionPreset.PLAIN_JSON)
			.with(new JacksonSchemaModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
					JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE))
			.with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
					JakartaValidationOption.NOT_NULLABLE_METHOD_IS_REQUIRED,
					JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
			.with(Option.FLATTENED_OPTIONALS, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES)
			.without(Option.SCHEMA_VERSION_INDICATOR);
		this.generator = new SchemaGenerator(config.build());
	}

	/**
	 * Builds the input schema of a tool: an object with one property per argument.
	 * @param arguments the arguments, in declaration order
	 * @return the schema
	 */
	public ObjectNode inputSchema(List<ToolArgument> arguments) {
		SchemaBuilder builder = this.generator.buildMultipleSchemaDefinitions();
		ObjectNode schema = this.mapper.createObjectNode();
		schema.put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		ArrayNode required = this.mapper.createArrayNode();
		for (ToolArgument argument : arguments) {
			ObjectNode property = builder.createSchemaReference(argument.schemaType());
			if (!argument.description().isEmpty()) {
				property.put("description", argument.description());
			}
			ParameterConstraints.apply(argument.parameter(), property);
			if (argument.header() != null) {
				property.put(HEADER_KEYWORD, argument.header());
			}
			properties.set(argument.name(), property);
			if (argument.required()) {
				required.add(argument.name());
			}
		}
		if (!required.isEmpty()) {
			schema.set("required", required);
		}
		ObjectNode definitions = builder.collectDefinitions("$defs");
		if (!definitions.isEmpty()) {
			schema.set("$defs", definitions);
		}
		return schema;
	}

	/**
	 * Builds the output schema of a tool returning the given type.
	 * @param type the return type (futures already unwrapped)
	 * @return the schema, or {@code null} when values of the type are not JSON objects
	 */
	public @Nullable ObjectNode outputSchema(Type type) {
		ObjectNode schema = this.generator.generateSchema(type);
		JsonNode rootType = schema.get("type");
		return (rootType != null && "object".equals(rootType.asString())) ? schema : null;
	}

}
