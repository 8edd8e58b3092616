package dev.mcpspring.conformance;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The server the official MCP conformance suite
 * ({@code @modelcontextprotocol/conformance}) runs against: the library with the
 * fixture tools of {@link ConformanceTools}. Started by {@code .ci/run} from the test
 * classpath with {@code --server.port=<port>}; MCP is served at {@code /mcp}.
 * <p>
 * It reads {@code conformance.properties} instead of {@code application.properties}, so
 * it neither affects nor is affected by other test applications of this module, and it
 * scans only its own package.
 */
@SpringBootApplication
public class ConformanceFixtureApplication {

	public static void main(String[] args) {
		new SpringApplicationBuilder(ConformanceFixtureApplication.class).properties("spring.config.name=conformance")
			.run(args);
	}

}
