package dev.mcpspring.internal.completion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.mcpspring.CompleteResult;
import dev.mcpspring.Completion;
import dev.mcpspring.CompletionReference;
import dev.mcpspring.McpCompletionProvider;
import dev.mcpspring.McpCompletionRequest;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpException;
import dev.mcpspring.McpPromptHandler;
import dev.mcpspring.PromptArgument;
import dev.mcpspring.internal.prompt.DefaultMcpPromptRegistry;
import dev.mcpspring.internal.resource.DefaultMcpResourceRegistry;
import dev.mcpspring.internal.resource.RegisteredTemplate;
import dev.mcpspring.internal.session.McpFeature;
import dev.mcpspring.internal.session.McpRequestHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code completion/complete} method: suggestions for prompt arguments and resource
 * template variables, from the application's {@link McpCompletionProvider}s, or else
 * from the constants of enum-typed parameters (matched by prefix, ignoring case). Offers
 * the {@code completions} capability only while something can be completed.
 */
public class McpCompletionsFeature implements McpFeature {

	private final DefaultMcpCompletionRegistry registry;

	private final DefaultMcpPromptRegistry prompts;

	private final DefaultMcpResourceRegistry resources;

	/**
	 * Creates the feature.
	 * @param registry the completion providers
	 * @param prompts the prompts, whose arguments may be completed
	 * @param resources the resources, whose template variables may be completed
	 */
	public McpCompletionsFeature(DefaultMcpCompletionRegistry registry, DefaultMcpPromptRegistry prompts,
			DefaultMcpResourceRegistry resources) {
		this.registry = registry;
		this.prompts = prompts;
		this.resources = resources;
	}

	@Override
	public void contributeCapabilities(Map<String, Object> capabilities) {
		if (!this.registry.isEmpty() || hasKnownValues()) {
			capabilities.put("completions", Map.of());
		}
	}

	private boolean hasKnownValues() {
		boolean prompts = this.prompts.all()
			.values()
			.stream()
			.anyMatch((prompt) -> argumentNames(prompt).stream()
				.anyMatch((argument) -> !prompt.knownValues(argument).isEmpty()));
		return prompts || this.resources.templates()
			.values()
			.stream()
			.anyMatch((template) -> template.uriTemplate()
				.variableNames()
				.stream()
				.anyMatch((variable) -> !template.handler().knownValues(variable).isEmpty()));
	}

	@Override
	public Map<String, McpRequestHandler> requestHandlers() {
		return Map.of("completion/complete", this::complete);
	}

	private Object complete(ObjectNode params, McpContext context) throws Exception {
		CompletionReference reference = reference(params.get("ref"));
		JsonNode argument = params.get("argument");
		if (argument == null || !argument.isObject() || !isString(argument.get("name"))) {
			throw McpException.invalidParams("completion/complete needs an \"argument\" with a \"name\"");
		}
		String name = argument.get("name").stringValue();
		JsonNode valueNode = argument.get("value");
		String value = (valueNode != null && valueNode.isValueNode() && !valueNode.isNull()) ? valueNode.asString()
				: "";
		List<String> knownValues = knownValues(reference, name);
		McpCompletionRequest request = new McpCompletionRequest(reference, name, value, contextArguments(params));
		McpCompletionProvider provider = this.registry.find(reference, name).orElse(null);
		Completion completion = (provider != null) ? provider.complete(request, context)
				: matching(knownValues, value);
		return new CompleteResult((completion != null) ? completion : Completion.EMPTY);
	}

	private static Completion matching(List<String> knownValues, String value) {
		String prefix = value.toLowerCase(Locale.ROOT);
		return Completion.of(knownValues.stream()
			.filter((candidate) -> candidate.toLowerCase(Locale.ROOT).startsWith(prefix))
			.toList());
	}

	/**
	 * Checks that the reference names an argument that exists, and returns its known
	 * values.
	 */
	private List<String> knownValues(CompletionReference reference, String argument) {
		if (reference.type() == CompletionReference.Type.PROMPT) {
			McpPromptHandler prompt = this.prompts.find(reference.name())
				.orElseThrow(() -> McpException.invalidParams("Unknown prompt: " + reference.name()));
			if (!argumentNames(prompt).contains(argument)) {
				throw McpException
					.invalidParams("Prompt '" + reference.name() + "' has no argument '" + argument + "'");
			}
			return prompt.knownValues(argument);
		}
		RegisteredTemplate template = this.resources.findTemplate(reference.name())
			.orElseThrow(() -> McpException.invalidParams("Unknown resource template: " + reference.name()));
		if (!template.uriTemplate().variableNames().contains(argument)) {
			throw McpException
				.invalidParams("Resource template '" + reference.name() + "' has no variable '" + argument + "'");
		}
		return template.handler().knownValues(argument);
	}

	private static List<String> argumentNames(McpPromptHandler prompt) {
		List<PromptArgument> arguments = prompt.prompt().arguments();
		return (arguments != null) ? arguments.stream().map(PromptArgument::name).toList() : List.of();
	}

	private static CompletionReference reference(JsonNode ref) {
		if (ref == null || !ref.isObject() || !isString(ref.get("type"))) {
			throw McpException.invalidParams("completion/complete needs a \"ref\" with a \"type\"");
		}
		String type = ref.get("type").stringValue();
		if ("ref/prompt".equals(type) && isString(ref.get("name"))) {
			return CompletionReference.prompt(ref.get("name").stringValue());
		}
		if ("ref/resource".equals(type) && isString(ref.get("uri"))) {
			return CompletionReference.resourceTemplate(ref.get("uri").stringValue());
		}
		throw McpException.invalidParams("Unsupported completion reference: " + ref);
	}

	private static Map<String, String> contextArguments(ObjectNode params) {
		Map<String, String> result = new LinkedHashMap<>();
		JsonNode context = params.get("context");
		JsonNode arguments = (context != null && context.isObject()) ? context.get("arguments") : null;
		if (arguments != null && arguments.isObject()) {
			for (Map.Entry<String, JsonNode> entry : arguments.properties()) {
				if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
					result.put(entry.getKey(), entry.getValue().asString());
				}
			}
		}
		return result;
	}

	private static boolean isString(JsonNode node) {
		return node != null && node.isString();
	}

}
