package dev.mcpspring.servletpath;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mcpspring.McpTool;

/**
 * An application whose DispatcherServlet is mapped under {@code spring.mvc.servlet.path}
 * and whose security keeps CSRF protection on, excluding only the MCP endpoint, named by
 * {@code mcp.server.path}: Spring Boot bases Spring Security's path matchers on the
 * servlet path, as Spring MVC's mappings are.
 */
@SpringBootApplication
public class ServletPathApplication {

	/** The servlet path the tests set. */
	public static final String SERVLET_PATH = "/dispatch";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/mcp"))
			.build();
	}

	@RestController
	static class OrderController {

		@PostMapping("/orders")
		String order() {
			return "ordered";
		}

	}

	@Component
	static class Tools {

		@McpTool(name = "echo", description = "Echoes the text back")
		public String echo(String text) {
			return text;
		}

	}

}
