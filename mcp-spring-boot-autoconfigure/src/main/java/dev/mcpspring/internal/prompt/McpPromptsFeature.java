package dev.mcpspring.internal.prompt;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.mcpspring.GetPromptResult;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpException;
import dev.mcpspring.McpPromptHandler;
import dev.mcpspring.PromptArgument;
import dev.mcpspring.internal.method.McpListFilter;
import dev.mcpspring.internal.method.Pagination;
import dev.mcpspring.internal.session.McpFeature;
import dev.mcpspring.internal.session.McpRequestHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code prompts/list} and {@code prompts/get} methods. Offers the {@code prompts}
 * capability only while the application has a prompt.
 */
public class McpPromptsFeature implements McpFeature {

	private final DefaultMcpPromptRegistry registry;

	private final int pageSize;

	private final McpListFilter listFilter;

	/**
	 * Creates the feature.
	 * @param registry the prompts
	 * @param pageSize the maximum number of prompts per page
	 * @param listFilter which prompts {@code prompts/list} shows the caller
	 */
	public McpPromptsFeature(DefaultMcpPromptRegistry registry, int pageSize, McpListFilter listFilter) {
		this.registry = registry;
		this.listFilter = listFilter;
		this.pageSize = pageSize;
	}

	@Override
	public void contributeCapabilities(Map<String, Object> capabilities) {
		if (!this.registry.all().isEmpty()) {
			capabilities.put("prompts", Map.of("listChanged", true));
		}
	}

	@Override
	public Map<String, McpRequestHandler> requestHandlers() {
		return Map.of("prompts/list",
				(params, context) -> Pagination.page(params, this.registry.all(), this.pageSize, "prompts",
						McpPromptHandler::prompt, (name) -> this.listFilter.isListed(McpListFilter.Kind.PROMPT, name)),
				"prompts/get", this::get);
	}

	private Object get(ObjectNode params, McpContext context) throws Exception {
		JsonNode name = params.get("name");
		if (name == null || !name.isString()) {
			throw McpException.invalidParams("prompts/get needs a \"name\" string");
		}
		McpPromptHandler prompt = this.registry.find(name.stringValue())
			.orElseThrow(() -> McpException.invalidParams("Unknown prompt: " + name.stringValue()));
		Map<String, String> arguments = arguments(params);
		if (prompt.prompt().arguments() != null) {
			for (PromptArgument argument : prompt.prompt().arguments()) {
				if (argument.required() && !arguments.containsKey(argument.name())) {
					throw McpException.invalidParams("Missing required argument '" + argument.name() + "'");
				}
			}
		}
		GetPromptResult result = prompt.get(arguments, context);
		if (result == null || result.messages() == null) {
			throw new IllegalStateException("Prompt '" + name.stringValue() + "' rendered no messages");
		}
		return result;
	}

	private static Map<String, String> arguments(ObjectNode params) {
		JsonNode arguments = params.get("arguments");
		Map<String, String> result = new LinkedHashMap<>();
		if (arguments == null || arguments.isNull()) {
			return result;
		}
		if (!arguments.isObject()) {
			throw McpException.invalidParams("\"arguments\" must be an object");
		}
		for (Map.Entry<String, JsonNode> entry : arguments.properties()) {
			JsonNode value = entry.getValue();
			if (value.isNull()) {
				continue;
			}
			if (!value.isValueNode()) {
				throw McpException.invalidParams("Argument '" + entry.getKey() + "' must be a string");
			}
			result.put(entry.getKey(), value.asString());
		}
		return result;
	}

}
