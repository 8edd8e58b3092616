package dev.mcpspring.conformance;

import org.springframework.stereotype.Component;

import dev.mcpspring.GetPromptResult;
import dev.mcpspring.McpPromptHandler;
import dev.mcpspring.McpPromptRegistry;
import dev.mcpspring.McpTool;
import dev.mcpspring.McpToolRegistry;
import dev.mcpspring.Prompt;
import dev.mcpspring.PromptMessage;
import dev.mcpspring.test.TextTool;

/**
 * The tools the conformance suite's {@code server-stateless} scenario calls while a
 * {@code subscriptions/listen} stream is open: each adds an entry to the tool or prompt
 * list and removes it again, so that the list changes (and the stream is told) while
 * what is listed stays the same.
 */
@Component
public class ConformanceListChanges {

	private static final String DYNAMIC_TOOL = "test_dynamic_tool";

	private static final String DYNAMIC_PROMPT = "test_dynamic_prompt";

	private final McpToolRegistry tools;

	private final McpPromptRegistry prompts;

	ConformanceListChanges(McpToolRegistry tools, McpPromptRegistry prompts) {
		this.tools = tools;
		this.prompts = prompts;
	}

	@McpTool(name = "test_trigger_tool_change",
			description = "Adds a tool and removes it again: open listen streams get tools/list_changed")
	public String triggerToolChange() {
		this.tools.register(new TextTool(DYNAMIC_TOOL, "Exists only for a moment", "dynamic"));
		this.tools.remove(DYNAMIC_TOOL);
		return "Tool list changed";
	}

	@McpTool(name = "test_trigger_prompt_change",
			description = "Adds a prompt and removes it again: open listen streams get prompts/list_changed")
	public String triggerPromptChange() {
		this.prompts.register(McpPromptHandler.of(new Prompt(DYNAMIC_PROMPT, null, "Exists only for a moment", null),
				(arguments) -> GetPromptResult.of(PromptMessage.user("dynamic"))));
		this.prompts.remove(DYNAMIC_PROMPT);
		return "Prompt list changed";
	}

}
