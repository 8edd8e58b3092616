package dev.mcpspring.conformance;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.mcpspring.CallToolResult;
import dev.mcpspring.ElicitResult;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpTool;
import dev.mcpspring.McpToolHandler;
import dev.mcpspring.McpToolParam;
import dev.mcpspring.McpToolRegistry;
import dev.mcpspring.Tool;
import dev.mcpspring.internal.wire.McpJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tools of the conformance scenarios that involve the client: sampling, elicitation
 * (with defaults and enum schemas), SSE reconnection, and a tool whose JSON Schema 2020-12
 * input schema must be listed unchanged.
 */
@Component
public class ConformanceClientTools {

	ConformanceClientTools(McpToolRegistry tools) {
		tools.register(new JsonSchema2020Tool());
	}

	@McpTool(name = "test_sampling", description = "Tests server-initiated sampling (LLM completion request)")
	public String sampling(@McpToolParam(description = "The prompt to send to the LLM") String prompt,
			McpContext context) {
		return "LLM response: " + context.sample(prompt, 100).text();
	}

	@McpTool(name = "test_elicitation", description = "Tests server-initiated elicitation (user input request)")
	public String elicitation(@McpToolParam(description = "The message to show the user") String message,
			McpContext context) {
		ObjectNode schema = objectSchema();
		schema.putObject("properties").putObject("response").put("type", "string").put("description", "User's response");
		schema.putArray("required").add("response");
		return describe("User response", context.elicit(message, schema));
	}

	@McpTool(name = "test_elicitation_sep1034_defaults", description = "Tests elicitation with default values per SEP-1034")
	public String elicitationDefaults(McpContext context) {
		ObjectNode schema = objectSchema();
		ObjectNode properties = schema.putObject("properties");
		properties.putObject("name").put("type", "string").put("description", "User name").put("default", "John Doe");
		properties.putObject("age").put("type", "integer").put("description", "User age").put("default", 30);
		properties.putObject("score").put("type", "number").put("description", "User score").put("default", 95.5);
		ObjectNode status = properties.putObject("status").put("type", "string").put("description", "User status");
		strings(status.putArray("enum"), "active", "inactive", "pending");
		status.put("default", "active");
		properties.putObject("verified")
			.put("type", "boolean")
			.put("description", "Verification status")
			.put("default", true);
		schema.putArray("required");
		return describe("Elicitation completed",
				context.elicit("Please review and update the form fields with defaults", schema));
	}

	@McpTool(name = "test_elicitation_sep1330_enums", description = "Tests elicitation with enum schema improvements per SEP-1330")
	public String elicitationEnums(McpContext context) {
		ObjectNode schema = objectSchema();
		ObjectNode properties = schema.putObject("properties");
		ObjectNode untitledSingle = properties.putObject("untitledSingle")
			.put("type", "string")
			.put("description", "Select one option");
		strings(untitledSingle.putArray("enum"), "option1", "option2", "option3");
		ObjectNode titledSingle = properties.putObject("titledSingle")
			.put("type", "string")
			.put("description", "Select one option with titles");
		titled(titledSingle.putArray("oneOf"), "value", "Option", "First", "Second", "Third");
		ObjectNode legacy = properties.putObject("legacyEnum")
			.put("type", "string")
			.put("description", "Select one option (legacy)");
		strings(legacy.putArray("enum"), "opt1", "opt2", "opt3");
		strings(legacy.putArray("enumNames"), "Option One", "Option Two", "Option Three");
		ObjectNode untitledMulti = properties.putObject("untitledMulti")
			.put("type", "array")
			.put("description", "Select multiple options")
			.put("minItems", 1)
			.put("maxItems", 3);
		strings(untitledMulti.putObject("items").put("type", "string").putArray("enum"), "option1", "option2",
				"option3");
		ObjectNode titledMulti = properties.putObject("titledMulti")
			.put("type", "array")
			.put("description", "Select multiple options with titles")
			.put("minItems", 1)
			.put("maxItems", 3);
		titled(titledMulti.putObject("items").putArray("anyOf"), "value", "Choice", "First", "Second", "Third");
		return describe("Elicitation completed",
				context.elicit("Please select options from the enum fields", schema));
	}

	@McpTool(name = "test_reconnection",
			description = "Tests SSE stream disconnection and client reconnection (SEP-1699): closes the stream mid-call and sends the result after the client reconnects")
	public String reconnection(McpContext context) throws InterruptedException {
		context.closeStream();
		Thread.sleep(100);
		return "Reconnection test completed successfully. If you received this, the client properly reconnected after stream closure.";
	}

	private static ObjectNode objectSchema() {
		return McpJson.mapper().createObjectNode().put("type", "object");
	}

	private static void strings(tools.jackson.databind.node.ArrayNode array, String... values) {
		for (String value : values) {
			array.add(value);
		}
	}

	private static void titled(tools.jackson.databind.node.ArrayNode array, String valuePrefix, String noun,
			String... ordinals) {
		for (int i = 0; i < ordinals.length; i++) {
			array.addObject().put("const", valuePrefix + (i + 1)).put("title", ordinals[i] + " " + noun);
		}
	}

	private static String describe(String label, ElicitResult result) {
		return label + ": action=" + result.action() + ", content="
				+ ((result.content() != null) ? result.content().toString() : "{}");
	}

	/**
	 * A tool registered programmatically, with a hand-written JSON Schema 2020-12 input
	 * schema that must be listed unchanged: the schema of the suite's
	 * {@code json-schema-2020-12} scenario ({@code $schema}, {@code $defs} with an
	 * {@code $anchor}, {@code allOf}/{@code anyOf}, {@code if}/{@code then}/{@code else},
	 * {@code additionalProperties}).
	 */
	static final class JsonSchema2020Tool implements McpToolHandler {

		static final String INPUT_SCHEMA = """
				{
				  "$schema": "https://json-schema.org/draft/2020-12/schema",
				  "type": "object",
				  "$defs": {
				    "address": {
				      "$anchor": "addressDef",
				      "type": "object",
				      "properties": {
				        "street": { "type": "string" },
				        "city": { "type": "string" }
				      }
				    }
				  },
				  "properties": {
				    "name": { "type": "string" },
				    "address": { "$ref": "#/$defs/address" },
				    "contactMethod": { "type": "string", "enum": ["phone", "email"] },
				    "phone": { "type": "string" },
				    "email": { "type": "string" }
				  },
				  "allOf": [
				    { "anyOf": [{ "required": ["phone"] }, { "required": ["email"] }] }
				  ],
				  "if": {
				    "properties": { "contactMethod": { "const": "phone" } },
				    "required": ["contactMethod"]
				  },
				  "then": { "required": ["phone"] },
				  "else": { "required": ["email"] },
				  "additionalProperties": false
				}
				""";

		@Override
		public Tool tool() {
			ObjectNode schema = (ObjectNode) McpJson.mapper().readTree(INPUT_SCHEMA);
			return new Tool("json_schema_2020_12_tool", null, "Tool with JSON Schema 2020-12 features", schema, null,
					null, null);
		}

		@Override
		public CallToolResult call(ObjectNode arguments, McpContext context) {
			return CallToolResult.of(List.of(dev.mcpspring.Content
				.text("JSON Schema 2020-12 tool called with: " + arguments.toString())));
		}

	}

}
