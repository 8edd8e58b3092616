package dev.mcpspring.oauth;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mcpspring.McpPrompt;
import dev.mcpspring.McpResource;
import dev.mcpspring.McpScope;
import dev.mcpspring.McpTool;

/**
 * An MCP application that is an OAuth2 resource server of the test authorization server,
 * through Spring Boot's default resource server chain, or its own chain when
 * {@code oauth-test.own-chain} is set: a
 * tool anyone with a token may call, one that needs the scope {@code reports.write}, a
 * task tool that tells who runs it, a prompt and a resource template that need
 * {@code reports.write}, and a REST endpoint that is not MCP.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
		"org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration" })
@Import({ OAuthMcpApplication.ReportTools.class, OAuthMcpApplication.Drafts.class, OAuthMcpApplication.Hello.class })
class OAuthMcpApplication {

	static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(OAuthMcpApplication.class).properties("spring.config.name=oauth-mcp");
	}

	/**
	 * The application's own chain, when a test asks for it: the REST endpoint open, MCP
	 * with a bearer token.
	 */
	@Bean
	@ConditionalOnProperty("oauth-test.own-chain")
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/hello").permitAll().anyRequest().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			.build();
	}

	@Component
	static class ReportTools {

		@McpTool(description = "Echoes the text")
		public String echo(String text) {
			return text;
		}

		@McpTool(name = "write_report", description = "Writes a report")
		@McpScope("reports.write")
		public String writeReport(String title) {
			return "written " + title;
		}

		@McpTool(name = "whoami", description = "Who runs the tool", task = McpTool.Task.REQUIRED)
		public String whoami() {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return (authentication != null) ? authentication.getName() : "nobody";
		}

	}

	/**
	 * A prompt and a resource template that all need the scope {@code reports.write}.
	 */
	@Component
	@McpScope("reports.write")
	static class Drafts {

		@McpPrompt(name = "draft_report", description = "Drafts a report")
		public String draftReport() {
			return "Draft the report.";
		}

		@McpResource(uri = "drafts://{id}", name = "draft", description = "A draft")
		public String draft(String id) {
			return "draft " + id;
		}

	}

	@RestController
	static class Hello {

		@GetMapping("/hello")
		String hello(@Nullable Principal principal) {
			return "hello " + ((principal != null) ? principal.getName() : "stranger");
		}

	}

}
