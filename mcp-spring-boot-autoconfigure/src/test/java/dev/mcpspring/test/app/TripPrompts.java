package dev.mcpspring.test.app;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mcpspring.Content;
import dev.mcpspring.GetPromptResult;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpPrompt;
import dev.mcpspring.McpPromptArg;
import dev.mcpspring.PromptMessage;
import dev.mcpspring.ResourceContents;

/**
 * Prompts of every shape: no arguments, required and optional arguments, typed
 * arguments, image and embedded-resource content, the request context, and a result
 * with a description. Seven prompts, so that the list has two pages.
 */
@Component
public class TripPrompts {

	/** The bytes of the image in {@code with_image}. */
	public static final byte[] IMAGE = { 1, 2, 3, 4 };

	@McpPrompt(name = "greeting", title = "Greeting", description = "Says hello")
	public String greeting() {
		return "Hello!";
	}

	@McpPrompt(name = "trip", description = "Plans a trip")
	public String trip(@McpPromptArg(description = "Where to go", title = "City") String city,
			@McpPromptArg(description = "The country of the city", required = false) Optional<String> country,
			@McpPromptArg(description = "How many days", required = false) Integer days) {
		return "Plan a trip to " + city + country.map((value) -> ", " + value).orElse("")
				+ ((days != null) ? " for " + days + " days" : "");
	}

	@McpPrompt(name = "region_summary", description = "Summarizes a region")
	public List<PromptMessage> regionSummary(Region region) {
		return List.of(PromptMessage.user("Summarize region " + region.name()),
				PromptMessage.assistant("Summary of " + region.name().toLowerCase() + ":"));
	}

	@McpPrompt(name = "with_image", description = "Shows an image")
	public List<Content> withImage() {
		return List.of(Content.image(IMAGE, "image/png"), Content.text("What is in the image?"));
	}

	@McpPrompt(name = "with_resource", description = "Embeds a resource")
	public List<Object> withResource(String uri) {
		return List.of(Content.resource(ResourceContents.text(uri, "text/plain", "Embedded text")),
				"Please read the resource above.");
	}

	@McpPrompt(name = "session_prompt", description = "Names the caller's session")
	public String sessionPrompt(McpContext context, @McpPromptArg(description = "A greeting") String greeting) {
		return greeting + ", session " + context.sessionId();
	}

	@McpPrompt(name = "described", description = "Has a description in its result")
	public GetPromptResult described() {
		return new GetPromptResult("A described prompt", List.of(PromptMessage.user("Described")));
	}

}
