package dev.mcpspring.internal.protocol;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;

import dev.mcpspring.Completion;
import dev.mcpspring.CompletionReference;
import dev.mcpspring.GetPromptResult;
import dev.mcpspring.McpCompletionRegistry;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpPromptHandler;
import dev.mcpspring.McpPromptRegistry;
import dev.mcpspring.McpResourceRegistry;
import dev.mcpspring.McpResourceTemplateHandler;
import dev.mcpspring.Prompt;
import dev.mcpspring.PromptMessage;
import dev.mcpspring.ResourceContents;
import dev.mcpspring.ResourceTemplate;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code resources}, {@code prompts} and {@code completions} capabilities of an
 * application that declares none: absent, and offered from the next {@code initialize}
 * once something is registered at runtime.
 */
@SpringBootTest(classes = FeatureCapabilitiesTests.EmptyApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.autoconfigure.exclude="
				+ "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
class FeatureCapabilitiesTests {

	@LocalServerPort
	private int port;

	@Autowired
	private McpResourceRegistry resources;

	@Autowired
	private McpPromptRegistry prompts;

	@Autowired
	private McpCompletionRegistry completions;

	@Test
	void initializeOffersNoResourcesPromptsOrCompletionsWhenTheApplicationHasNone() {
		JsonNode capabilities = capabilities();
		assertThat(capabilities.has("resources")).isFalse();
		assertThat(capabilities.has("prompts")).isFalse();
		assertThat(capabilities.has("completions")).isFalse();
	}

	@Test
	void listsAreEmptyWhenTheApplicationHasNone() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		assertThat(client.call("resources/list", null).get("resources")).isEmpty();
		assertThat(client.call("resources/templates/list", null).get("resourceTemplates")).isEmpty();
		assertThat(client.call("prompts/list", null).get("prompts")).isEmpty();
	}

	@Test
	void aPromptRegisteredAtRuntimeIsOfferedFromTheNextInitialize() {
		this.prompts.register(McpPromptHandler.of(new Prompt("later", null, null, null),
				(arguments) -> GetPromptResult.of(PromptMessage.user("later"))));
		try {
			assertThat(capabilities().get("prompts").get("listChanged").asBoolean()).isTrue();
		}
		finally {
			this.prompts.remove("later");
		}
		assertThat(capabilities().has("prompts")).isFalse();
	}

	@Test
	void aResourceTemplateRegisteredAtRuntimeOffersResourcesAndACompletionProviderOffersCompletions() {
		this.resources.register(new McpResourceTemplateHandler() {

			@Override
			public ResourceTemplate template() {
				return ResourceTemplate.of("later://{id}", "later");
			}

			@Override
			public List<ResourceContents> read(String uri, Map<String, String> variables,
					McpContext context) {
				return List.of(ResourceContents.text(uri, "text/plain", variables.get("id")));
			}

		});
		CompletionReference reference = CompletionReference.resourceTemplate("later://{id}");
		try {
			JsonNode capabilities = capabilities();
			assertThat(capabilities.get("resources").get("subscribe").asBoolean()).isTrue();
			assertThat(capabilities.has("completions")).isFalse();
			this.completions.register(reference, "id", (request, context) -> Completion.of(List.of("1")));
			assertThat(capabilities().has("completions")).isTrue();
		}
		finally {
			this.completions.remove(reference, "id");
			this.resources.remove("later://{id}");
		}
		assertThat(capabilities().has("resources")).isFalse();
		assertThat(capabilities().has("completions")).isFalse();
	}

	private JsonNode capabilities() {
		return McpTestClient.forLocalServer(this.port).connect().get("capabilities");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class EmptyApplication {

	}

}
