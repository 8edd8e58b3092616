package dev.mcpspring.abuse.calls;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application of the abuse tests of MCP calls: a plain REST controller
 * ({@link HostController}) beside slow, gated and asynchronous tools
 * ({@link SlowTools}), with Spring Security permitting everyone. It scans only its own
 * package.
 */
@SpringBootApplication
public class AsyncCallsApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.build();
	}

}
