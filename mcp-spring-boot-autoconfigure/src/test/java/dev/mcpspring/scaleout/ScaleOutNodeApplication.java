package dev.mcpspring.scaleout;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * One node of an application scaled out on Redis, for the scale-out and fault tests: a
 * web node, a worker node or both, chosen with {@code mcp.server.enabled} and
 * {@code mcp.worker.enabled}. Tests start it in their own JVM or, to kill it, as a
 * process of its own from the test class path.
 * <p>
 * It reads {@code scaleout.properties} instead of {@code application.properties}, and
 * scans only its own package.
 */
@SpringBootApplication
public class ScaleOutNodeApplication {

	public static void main(String[] args) {
		builder().run(args);
	}

	/**
	 * Returns a builder of the application with its own configuration file.
	 * @return the builder
	 */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(ScaleOutNodeApplication.class).properties("spring.config.name=scaleout");
	}

}
