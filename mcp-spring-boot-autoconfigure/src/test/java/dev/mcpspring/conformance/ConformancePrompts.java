package dev.mcpspring.conformance;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.mcpspring.Content;
import dev.mcpspring.McpPrompt;
import dev.mcpspring.McpPromptArg;
import dev.mcpspring.ResourceContents;

/**
 * The prompts the conformance suite's prompt scenarios get, with the names, arguments
 * and messages its scenario sources ({@code src/scenarios/server/prompts.ts}) expect.
 */
@Component
public class ConformancePrompts {

	@McpPrompt(name = "test_simple_prompt", title = "Simple Test Prompt",
			description = "A simple prompt without arguments")
	public String simplePrompt() {
		return "This is a simple prompt for testing.";
	}

	@McpPrompt(name = "test_prompt_with_arguments", title = "Prompt With Arguments",
			description = "A prompt with required arguments")
	public String promptWithArguments(@McpPromptArg(description = "First test argument") String arg1,
			@McpPromptArg(description = "Second test argument") String arg2) {
		return "Prompt with arguments: arg1='" + arg1 + "', arg2='" + arg2 + "'";
	}

	@McpPrompt(name = "test_prompt_with_embedded_resource", title = "Prompt With Embedded Resource",
			description = "A prompt that includes an embedded resource")
	public List<Content> promptWithEmbeddedResource(
			@McpPromptArg(description = "URI of the resource to embed") String resourceUri) {
		return List.of(
				Content.resource(
						ResourceContents.text(resourceUri, "text/plain", "Embedded resource content for testing.")),
				Content.text("Please process the embedded resource above."));
	}

	@McpPrompt(name = "test_prompt_with_image", title = "Prompt With Image",
			description = "A prompt that includes image content")
	public List<Content> promptWithImage() {
		return List.of(Content.image(ConformanceImages.pixelPng(), "image/png"),
				Content.text("Please analyze the image above."));
	}

}
