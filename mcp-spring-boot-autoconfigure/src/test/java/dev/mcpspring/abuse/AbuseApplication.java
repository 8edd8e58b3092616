package dev.mcpspring.abuse;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
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

import dev.mcpspring.context.McpContext;
import dev.mcpspring.context.McpTaskAuthenticationResolver;
import dev.mcpspring.server.tool.McpTool;

/**
 * The application of the abuse tests: a few task tools, HTTP Basic users {@code alice}
 * (roles USER, AUDITOR) and {@code bob} (USER), everything else open. It reads
 * {@code abuse.properties}; tests choose the store with properties of their own. It does
 * not scan {@code dev.mcpspring.abuse.calls}, which holds another application.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = { @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
		@Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
		@Filter(type = FilterType.REGEX, pattern = "dev\\.mcpspring\\.abuse\\.calls\\..*") })
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

	}

}
