package dev.mcpspring.internal.protocol;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import dev.mcpspring.InputRequests;
import dev.mcpspring.InputResponses;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpPrompt;
import dev.mcpspring.McpResource;
import dev.mcpspring.McpTool;
import dev.mcpspring.internal.wire.McpJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * An application whose tool, prompt and resource ask the client for input, for the tests
 * of input-required rounds.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class InputRoundsApplication {

	@Bean
	InputTools inputTools() {
		return new InputTools();
	}

	@Bean
	SecurityFilterChain openSecurity(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	/**
	 * Asks the client in every way: a batch, two rounds with an unkeyed question, a prompt
	 * and a resource.
	 */
	public static class InputTools {

		/** How many times {@code two_rounds} started, to show that a retry runs it again. */
		final AtomicInteger twoRoundsRuns = new AtomicInteger();

		@McpTool(name = "batch", description = "Asks a name, a summary and the roots in one round")
		public String batch(McpContext context) {
			InputResponses answers = context.input(InputRequests.create()
				.elicit("name", "Your name?", field("name"))
				.sample("summary", McpJson.mapper().createObjectNode().put("maxTokens", 5))
				.listRoots("roots"));
			return answers.elicitResult("name").content().path("name").asString() + "/"
					+ answers.createMessageResult("summary").text() + "/"
					+ answers.roots("roots").get(0).path("uri").asString();
		}

		@McpTool(name = "two_rounds", description = "Asks a name, then a color")
		public String twoRounds(String topic, McpContext context) {
			this.twoRoundsRuns.incrementAndGet();
			String name = context.elicit("Your name?", field("name")).content().path("name").asString();
			String color = context.input(InputRequests.create().elicit("color", "Your color?", field("color")))
				.elicitResult("color")
				.content()
				.path("color")
				.asString();
			return topic + ": " + name + " likes " + color;
		}

		@McpPrompt(name = "moody", description = "Asks the mood")
		public String moody(McpContext context) {
			return "Mood: " + context.input(InputRequests.create().elicit("mood", "Mood?", field("mood")))
				.elicitResult("mood")
				.content()
				.path("mood")
				.asString();
		}

		@McpResource(uri = "answers://latest", name = "latest", description = "Asks what to show")
		public String latest(McpContext context) {
			return "Shown: " + context.input(InputRequests.create().elicit("what", "What?", field("what")))
				.elicitResult("what")
				.content()
				.path("what")
				.asString();
		}

		private static ObjectNode field(String name) {
			ObjectNode schema = McpJson.mapper().createObjectNode().put("type", "object");
			schema.putObject("properties").putObject(name).put("type", "string");
			return schema;
		}

	}

}
