package dev.mcpspring.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security for {@link DashboardApplication} with the {@code secured} profile: HTTP
 * Basic users {@code admin} (with {@code ROLE_MCP_ADMIN}) and {@code user} (without),
 * password {@code secret}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("secured")
class DashboardSecurity {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/mcp"))
			.build();
	}

	@Bean
	InMemoryUserDetailsManager users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("admin").password("{noop}secret").roles("MCP_ADMIN").build(),
				User.withUsername("user").password("{noop}secret").roles("USER").build());
	}

}
