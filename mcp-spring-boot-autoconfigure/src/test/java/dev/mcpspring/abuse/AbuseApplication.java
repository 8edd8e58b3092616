package dev.mcpspring.abuse;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Component;

import dev.mcpspring.McpContext;
import dev.mcpspring.McpTaskAuthenticationResolver;
import dev.mcpspring.McpTool;
import dev.mcpspring.McpToolParam;
import dev.mcpspring.internal.wire.McpJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * The application of the abuse tests: a few task tools, HTTP Basic users {@code alice}
 * (roles USER, AUDITOR) and {@code bob} (USER), everything else open. It reads
 * {@code abuse.properties}; tests choose the store with properties of their own. It scans
 * nothing, so the other applications of this package tree stay out.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(AbuseApplication.AbuseTools.class)
public class AbuseApplication {

	/** The password of both users. */
	static final String PASSWORD = "password";

	static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(AbuseApplication.class).properties("spring.config.name=abuse");
	}

	@Bean
	@ConditionalOnWebApplication
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("alice").password("{noop}" + PASSWORD).roles("USER", "AUDITOR").build(),
				User.withUsername("bob").password("{noop}" + PASSWORD).roles("USER").build());
	}

	/**
	 * The hook, when a test asks for it: marks the rebuilt authentication so the test
	 * can tell it was used.
	 */
	@Bean
	@ConditionalOnProperty("abuse.resolver")
	McpTaskAuthenticationResolver mcpTaskAuthenticationResolver() {
		return (name, authorities) -> {
			List<GrantedAuthority> granted = AuthorityUtils.createAuthorityList(authorities);
			granted.add(() -> "RESOLVED_BY_HOOK");
			return UsernamePasswordAuthenticationToken.authenticated(name, null, granted);
		};
	}

	/**
	 * Task tools that report what they saw without echoing secrets.
	 */
	@Component
	static class AbuseTools {

		private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();

		void open(String gate) {
			gate(gate).countDown();
		}

		private CountDownLatch gate(String gate) {
			return this.gates.computeIfAbsent(gate, (key) -> new CountDownLatch(1));
		}

		@McpTool(name = "wait_at", description = "Waits at a gate (at most 20 s)", task = McpTool.Task.OPTIONAL)
		public String waitAt(String gate) throws InterruptedException {
			gate(gate).await(20, TimeUnit.SECONDS);
			return "passed " + gate;
		}

		@McpTool(name = "authorization_digest", description = "SHA-256 of the propagated Authorization header",
				task = McpTool.Task.OPTIONAL)
		public String authorizationDigest(McpContext context) throws Exception {
			String header = context.header("Authorization");
			return (header != null) ? HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(header.getBytes("UTF-8"))) : "none";
		}

		@McpTool(name = "whoami", description = "The security context the tool runs with", task = McpTool.Task.OPTIONAL)
		public String whoami() {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication == null) {
				return "nobody";
			}
			return authentication.getName() + " " + authentication.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.sorted()
				.toList();
		}

		@McpTool(name = "big_result", description = "Returns a text of the given length", task = McpTool.Task.OPTIONAL)
		public String bigResult(int length) {
			return "x".repeat(length);
		}

		@McpTool(name = "big_result_at", description = "Waits at a gate (at most 20 s), then returns a text of the given length",
				task = McpTool.Task.OPTIONAL)
		public String bigResultAt(String gate, int length) throws InterruptedException {
			gate(gate).await(20, TimeUnit.SECONDS);
			return "x".repeat(length);
		}

		@McpTool(name = "ask", description = "Asks the client, as often as told, with a message of the given length, "
				+ "then waits at a gate (at most 20 s) if one is named; counts the outcomes", task = McpTool.Task.OPTIONAL)
		public String ask(int times, int length, @McpToolParam(required = false) String gate, McpContext context) throws InterruptedException {
			Map<String, Integer> outcomes = new TreeMap<>();
			for (int i = 0; i < times; i++) {
				ObjectNode params = McpJson.mapper().createObjectNode();
				params.put("message", "m".repeat(length));
				params.putObject("requestedSchema").put("type", "object");
				try {
					context.request("elicitation/create", params);
					outcomes.merge("answered", 1, Integer::sum);
				}
				catch (IllegalStateException ex) {
					outcomes.merge(ex.getMessage().contains("did not answer") ? "unanswered" : "refused", 1,
							Integer::sum);
				}
			}
			if (gate != null) {
				gate(gate).await(20, TimeUnit.SECONDS);
			}
			return outcomes.toString();
		}

	}

}
