package dev.mcpspring.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

import dev.mcpspring.McpComplete;
import dev.mcpspring.McpCompletionRegistry;
import dev.mcpspring.McpPrompt;
import dev.mcpspring.McpPromptRegistry;
import dev.mcpspring.McpResource;
import dev.mcpspring.McpResourceRegistry;
import dev.mcpspring.internal.completion.McpCompleteMethodFactory;
import dev.mcpspring.internal.completion.McpCompletionsFeature;
import dev.mcpspring.internal.prompt.DefaultMcpPromptRegistry;
import dev.mcpspring.internal.prompt.McpPromptMethodFactory;
import dev.mcpspring.internal.prompt.McpPromptsFeature;
import dev.mcpspring.internal.protocol.McpServer;
import dev.mcpspring.internal.resource.DefaultMcpResourceRegistry;
import dev.mcpspring.internal.resource.McpResourceMethodFactory;
import dev.mcpspring.internal.resource.McpResourcesFeature;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resource, prompt and completion beans of {@link McpServerAutoConfiguration}, their
 * back-off, and the startup failures that explain a wrong declaration.
 */
class McpResourcesPromptsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpServerAutoConfiguration.class, JacksonAutoConfiguration.class));

	@Test
	void createsResourcePromptAndCompletionBeans() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(McpResourceRegistry.class);
			assertThat(context).hasSingleBean(McpResourceMethodFactory.class);
			assertThat(context).hasSingleBean(McpResourcesFeature.class);
			assertThat(context).hasSingleBean(McpPromptRegistry.class);
			assertThat(context).hasSingleBean(McpPromptMethodFactory.class);
			assertThat(context).hasSingleBean(McpPromptsFeature.class);
			assertThat(context).hasSingleBean(McpCompletionRegistry.class);
			assertThat(context).hasSingleBean(McpCompleteMethodFactory.class);
			assertThat(context).hasSingleBean(McpCompletionsFeature.class);
			assertThat(context.getBean(McpServer.class).capabilities()).doesNotContainKeys("resources", "prompts",
					"completions");
		});
	}

	@Test
	void annotatedMethodsAreRegisteredAndAdvertised() {
		this.runner.withUserConfiguration(Declarations.class).run((context) -> {
			assertThat(context.getBean(DefaultMcpResourceRegistry.class).resources()).containsKey("memo://today");
			assertThat(context.getBean(DefaultMcpResourceRegistry.class).templates()).containsKey("memo://{day}");
			assertThat(context.getBean(DefaultMcpPromptRegistry.class).find("memo_prompt")).isPresent();
			assertThat(context.getBean(McpServer.class).capabilities()).containsKeys("resources", "prompts",
					"completions");
		});
	}

	@Test
	void backsOffFromApplicationRegistries() {
		this.runner.withUserConfiguration(CustomRegistries.class).run((context) -> {
			assertThat(context.getBean(McpResourceRegistry.class)).isSameAs(CustomRegistries.RESOURCES);
			assertThat(context.getBean(McpPromptRegistry.class)).isSameAs(CustomRegistries.PROMPTS);
		});
	}

	@Test
	void aParameterThatIsNotATemplateVariableFailsStartup() {
		this.runner.withUserConfiguration(WrongParameter.class)
			.run((context) -> assertThat(rootMessage(context.getStartupFailure()))
				.contains("Parameter 'date' of MCP resource method")
				.contains("is not a variable of 'memo://{day}'"));
	}

	@Test
	void aTemplateBeyondLevelOneFailsStartup() {
		this.runner.withUserConfiguration(ReservedExpansion.class)
			.run((context) -> assertThat(rootMessage(context.getStartupFailure()))
				.contains("Unsupported expression {+path}")
				.contains("RFC 6570 level 1"));
	}

	@Test
	void twoResourcesWithOneUriFailStartup() {
		this.runner.withUserConfiguration(Declarations.class, DuplicateResource.class)
			.run((context) -> assertThat(rootMessage(context.getStartupFailure()))
				.contains("Duplicate MCP resource URI 'memo://today'"));
	}

	@Test
	void aCompletionMethodNamingNeitherPromptNorTemplateFailsStartup() {
		this.runner.withUserConfiguration(CompletionWithoutTarget.class)
			.run((context) -> assertThat(rootMessage(context.getStartupFailure()))
				.contains("must name either a prompt or a resource template"));
	}

	@Test
	void aCompletionMethodWithoutParameterForTheTypedValueFailsStartup() {
		this.runner.withUserConfiguration(CompletionWithoutValue.class)
			.run((context) -> assertThat(rootMessage(context.getStartupFailure()))
				.contains("has no parameter named 'day' to receive the value being typed"));
	}

	private static String rootMessage(Throwable failure) {
		assertThat(failure).isNotNull();
		return NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
	}

	@Configuration(proxyBeanMethods = false)
	static class Declarations {

		@Bean
		MemoBean memoBean() {
			return new MemoBean();
		}

	}

	static class MemoBean {

		@McpResource(uri = "memo://today")
		String today() {
			return "today";
		}

		@McpResource(uri = "memo://{day}")
		String day(String day) {
			return day;
		}

		@McpPrompt(name = "memo_prompt")
		String prompt() {
			return "memo";
		}

		@McpComplete(resource = "memo://{day}", argument = "day")
		List<String> days(String day) {
			return List.of("monday");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomRegistries {

		static final DefaultMcpResourceRegistry RESOURCES = new DefaultMcpResourceRegistry();

		static final DefaultMcpPromptRegistry PROMPTS = new DefaultMcpPromptRegistry();

		@Bean
		DefaultMcpResourceRegistry customResourceRegistry() {
			return RESOURCES;
		}

		@Bean
		DefaultMcpPromptRegistry customPromptRegistry() {
			return PROMPTS;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WrongParameter {

		@Bean
		Object wrongParameter() {
			return new Object() {

				@McpResource(uri = "memo://{day}")
				String day(String date) {
					return date;
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReservedExpansion {

		@Bean
		Object reservedExpansion() {
			return new Object() {

				@McpResource(uri = "files://{+path}")
				String file(String path) {
					return path;
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DuplicateResource {

		@Bean
		Object duplicateResource() {
			return new Object() {

				@McpResource(uri = "memo://today")
				String alsoToday() {
					return "again";
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CompletionWithoutTarget {

		@Bean
		Object completionWithoutTarget() {
			return new Object() {

				@McpComplete(argument = "day")
				List<String> days(String day) {
					return List.of();
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CompletionWithoutValue {

		@Bean
		Object completionWithoutValue() {
			return new Object() {

				@McpComplete(resource = "memo://{day}", argument = "day")
				List<String> days(String typed) {
					return List.of();
				}

			};
		}

	}

}
