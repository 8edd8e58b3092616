package dev.mcpspring.internal.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.internal.method.ToolSchemaGenerator;
import dev.mcpspring.internal.wire.McpJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * Elicitation schemas generated from Java types, cached per type.
 */
final class ElicitationSchemas {

	private static final Map<Class<?>, ObjectNode> CACHE = new ConcurrentHashMap<>();

	private static volatile @Nullable ToolSchemaGenerator generator;

	private ElicitationSchemas() {
	}

	static ObjectNode of(Class<?> type) {
		ObjectNode schema = CACHE.computeIfAbsent(type, (key) -> {
			ObjectNode generated = generator().outputSchema(key);
			if (generated == null) {
				throw new IllegalArgumentException(key.getName() + " does not describe an object of fields");
			}
			return generated;
		});
		return schema.deepCopy();
	}

	private static ToolSchemaGenerator generator() {
		if (generator == null) {
			generator = new ToolSchemaGenerator(McpJson.mapper());
		}
		return generator;
	}

}
