package dev.mcpspring.internal.wire;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper for protocol messages. Separate from the application's mapper, so that
 * the application's Jackson customizations (naming strategies, inclusion rules) never
 * change MCP field names.
 */
public final class McpJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private McpJson() {
	}

	public static JsonMapper mapper() {
		return MAPPER;
	}

}
