package dev.mcpspring.internal.tool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.mcpspring.Tool;
import dev.mcpspring.internal.method.ToolSchemaGenerator;
import tools.jackson.databind.JsonNode;

/**
 * An argument of a tool that 2026-07-28 clients mirror into an {@code Mcp-Param-*}
 * header, as its input schema declares with {@code "x-mcp-header"}.
 *
 * @param argument the argument (the top-level property of the input schema)
 * @param header the header name suffix: the header is {@code Mcp-Param-{header}}
 * @param type the argument's JSON Schema type: {@code string}, {@code integer} or
 * {@code boolean}
 */
public record HeaderParameter(String argument, String header, String type) {

	private static final Set<String> TYPES = Set.of("string", "integer", "boolean");

	/** An RFC 9110 token: one or more {@code tchar}. */
	private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

	/** Keywords whose values are instances, not schemas. */
	private static final Set<String> INSTANCE_KEYWORDS = Set.of("const", "enum", "default", "examples");

	/** Keywords whose values map names to schemas. */
	private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs", "definitions",
			"dependentSchemas");

	/**
	 * Reads and checks the header parameters a tool declares: {@code "x-mcp-header"} is
	 * allowed on a top-level property of the input schema only, of type string, integer
	 * or boolean, and its value is a non-empty HTTP token, unique within the tool
	 * ignoring case.
	 * @param tool the tool
	 * @return the header parameters, in the order of the schema's properties
	 * @throws IllegalArgumentException naming the tool and the property when a
	 * declaration breaks one of these rules
	 */
	public static List<HeaderParameter> declaredIn(Tool tool) {
		List<HeaderParameter> parameters = new ArrayList<>();
		Map<String, String> arguments = new HashMap<>();
		JsonNode properties = tool.inputSchema().get("properties");
		if (properties != null && properties.isObject()) {
			for (Map.Entry<String, JsonNode> property : properties.properties()) {
				JsonNode header = property.getValue().get(ToolSchemaGenerator.HEADER_KEYWORD);
				if (header != null) {
					HeaderParameter parameter = declared(tool.name(), property.getKey(), property.getValue(), header);
					String previous = arguments.putIfAbsent(parameter.header().toLowerCase(Locale.ROOT),
							parameter.argument());
					if (previous != null) {
						throw invalid(tool.name(), parameter.argument(), "repeats the header name '"
								+ parameter.header() + "' of argument '" + previous + "' (names are case-insensitive)");
					}
					parameters.add(parameter);
				}
			}
		}
		rejectMisplaced(tool.name(), tool.inputSchema(), "", false);
		return List.copyOf(parameters);
	}

	private static HeaderParameter declared(String tool, String argument, JsonNode property, JsonNode header) {
		if (!header.isString() || !TOKEN.matcher(header.stringValue()).matches()) {
			throw invalid(tool, argument, "must name an HTTP header: a non-empty RFC 9110 token (letters, digits "
					+ "and !#$%&'*+-.^_`|~), not " + header);
		}
		JsonNode type = property.get("type");
		if (type == null || !type.isString() || !TYPES.contains(type.stringValue())) {
			throw invalid(tool, argument, "is allowed on arguments of type string, integer or boolean only, not "
					+ ((type != null) ? type.toString() : "a schema without a type"));
		}
		return new HeaderParameter(argument, header.stringValue(), type.stringValue());
	}

	private static void rejectMisplaced(String tool, JsonNode schema, String pointer, boolean topLevelProperty) {
		if (!schema.isObject()) {
			return;
		}
		if (!topLevelProperty && schema.has(ToolSchemaGenerator.HEADER_KEYWORD)) {
			throw new IllegalArgumentException("MCP tool '" + tool + "': \"" + ToolSchemaGenerator.HEADER_KEYWORD
					+ "\" at '" + (pointer.isEmpty() ? "/" : pointer) + "' of the input schema is not on a top-level "
					+ "property; it is allowed only on the schema of an argument under the root's \"properties\"");
		}
		for (Map.Entry<String, JsonNode> member : schema.properties()) {
			String keyword = member.getKey();
			JsonNode value = member.getValue();
			String path = pointer + "/" + keyword;
			if (INSTANCE_KEYWORDS.contains(keyword)) {
				continue;
			}
			if (SCHEMA_MAPS.contains(keyword) && value.isObject()) {
				boolean arguments = pointer.isEmpty() && "properties".equals(keyword);
				for (Map.Entry<String, JsonNode> named : value.properties()) {
					rejectMisplaced(tool, named.getValue(), path + "/" + named.getKey(), arguments);
				}
			}
			else if (value.isArray()) {
				for (int i = 0; i < value.size(); i++) {
					rejectMisplaced(tool, value.get(i), path + "/" + i, false);
				}
			}
			else {
				rejectMisplaced(tool, value, path, false);
			}
		}
	}

	private static IllegalArgumentException invalid(String tool, String argument, String problem) {
		return new IllegalArgumentException("MCP tool '" + tool + "': \"" + ToolSchemaGenerator.HEADER_KEYWORD
				+ "\" on argument '" + argument + "' " + problem);
	}

}
