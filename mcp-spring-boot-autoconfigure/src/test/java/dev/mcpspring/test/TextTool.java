package dev.mcpspring.test;

import dev.mcpspring.CallToolResult;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpToolHandler;
import dev.mcpspring.Tool;
import tools.jackson.databind.node.ObjectNode;

/**
 * A programmatic tool without arguments that answers with a fixed text, for tests that
 * add tools at runtime through {@link dev.mcpspring.McpToolRegistry}.
 * Remember to remove it again: the registry is shared by every test of the context.
 */
public final class TextTool implements McpToolHandler {

	private final String name;

	private final String description;

	private final String text;

	/**
	 * Creates the tool.
	 * @param name the tool name
	 * @param description the description
	 * @param text the text every call answers
	 */
	public TextTool(String name, String description, String text) {
		this.name = name;
		this.description = description;
		this.text = text;
	}

	@Override
	public Tool tool() {
		ObjectNode schema = McpTestClient.JSON.createObjectNode();
		schema.put("type", "object");
		schema.putObject("properties");
		return new Tool(this.name, null, this.description, schema, null, null, null);
	}

	@Override
	public CallToolResult call(ObjectNode arguments, McpContext context) {
		return CallToolResult.text(this.text);
	}

	@Override
	public String toString() {
		return "TextTool " + this.name;
	}

}
