package dev.mcpspring.conformance;

import org.springframework.stereotype.Component;

import dev.mcpspring.InputRequests;
import dev.mcpspring.InputResponses;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpPrompt;
import dev.mcpspring.McpTool;
import dev.mcpspring.internal.wire.McpJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tools and the prompt the conformance suite's {@code input-required-result-*}
 * scenarios call, with the keys and questions of the reference server. Written once: a
 * 2025 session gets the same questions as requests on its stream.
 */
@Component
public class ConformanceInputRequired {

	@McpTool(name = "test_input_required_result_elicitation", description = "Asks the user's name (key user_name)")
	public String elicitation(McpContext context) {
		InputResponses answers = context
			.input(InputRequests.create().elicit("user_name", "What is your name?", stringField("name")));
		return "Hello, " + answers.elicitResult("user_name").content().path("name").asString("stranger") + "!";
	}

	@McpTool(name = "test_input_required_result_sampling",
			description = "Asks the client's model a question (key capital_question)")
	public String sampling(McpContext context) {
		InputResponses answers = context
			.input(InputRequests.create().sample("capital_question", userMessage("What is the capital of France?", 100)));
		return "The model said: " + answers.createMessageResult("capital_question").text();
	}

	@McpTool(name = "test_input_required_result_list_roots", description = "Asks the client's roots (key client_roots)")
	public String listRoots(McpContext context) {
		InputResponses answers = context.input(InputRequests.create().listRoots("client_roots"));
		return "Roots: " + answers.roots("client_roots");
	}

	@McpTool(name = "test_input_required_result_request_state",
			description = "Asks for a confirmation (key confirm), carrying a requestState")
	public String requestState(McpContext context) {
		ObjectNode schema = McpJson.mapper().createObjectNode().put("type", "object");
		schema.putObject("properties").putObject("ok").put("type", "boolean");
		schema.putArray("required").add("ok");
		InputResponses answers = context.input(InputRequests.create().elicit("confirm", "Please confirm", schema));
		return "Confirmed: " + answers.elicitResult("confirm").content().path("ok").asBoolean(false);
	}

	@McpTool(name = "test_input_required_result_multiple_inputs",
			description = "Asks an elicitation, a sampling request and the roots in one round")
	public String multipleInputs(McpContext context) {
		InputResponses answers = context.input(InputRequests.create()
			.elicit("user_name", "What is your name?", stringField("name"))
			.sample("greeting", userMessage("Generate a greeting", 50))
			.listRoots("client_roots"));
		return "Name: " + answers.elicitResult("user_name").content().path("name").asString("") + ", greeting: "
				+ answers.createMessageResult("greeting").text() + ", roots: " + answers.roots("client_roots");
	}

	@McpTool(name = "test_input_required_result_multi_round",
			description = "Asks two questions in two rounds (keys step1, step2)")
	public String multiRound(McpContext context) {
		String name = context.input(InputRequests.create().elicit("step1", "Step 1: What is your name?",
				stringField("name")))
			.elicitResult("step1")
			.content()
			.path("name")
			.asString("");
		String color = context.input(InputRequests.create().elicit("step2", "Step 2: What is your favorite color?",
				stringField("color")))
			.elicitResult("step2")
			.content()
			.path("color")
			.asString("");
		return name + " likes " + color;
	}

	@McpTool(name = "test_input_required_result_tampered_state",
			description = "Asks the user's name with an integrity-protected requestState")
	public String tamperedState(McpContext context) {
		return elicitation(context);
	}

	@McpTool(name = "test_input_required_result_capabilities",
			description = "Asks through elicitation when the client declared it, otherwise through sampling")
	public String capabilities(McpContext context) {
		if (context.supports("elicitation")) {
			return elicitation(context);
		}
		if (context.supports("sampling")) {
			return sampling(context);
		}
		return "The client declared neither elicitation nor sampling";
	}

	@McpPrompt(name = "test_input_required_result_prompt", description = "Asks the user for the prompt's context")
	public String prompt(McpContext context) {
		InputResponses answers = context.input(InputRequests.create()
			.elicit("user_context", "What context should the prompt use?", stringField("context")));
		return "Use this context: " + answers.elicitResult("user_context").content().path("context").asString("");
	}

	private static ObjectNode stringField(String name) {
		ObjectNode schema = McpJson.mapper().createObjectNode().put("type", "object");
		schema.putObject("properties").putObject(name).put("type", "string");
		schema.putArray("required").add(name);
		return schema;
	}

	private static ObjectNode userMessage(String text, int maxTokens) {
		ObjectNode params = McpJson.mapper().createObjectNode();
		params.putArray("messages")
			.addObject()
			.put("role", "user")
			.putObject("content")
			.put("type", "text")
			.put("text", text);
		params.put("maxTokens", maxTokens);
		return params;
	}

}
