package dev.mcpspring.server.testapp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Runs a test class against {@link FeaturesTestApplication} on a random port, with list
 * pages of {@link #PAGE_SIZE} items. Every class so annotated shares one server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(classes = FeaturesTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mcp.server.page-size=" + FeaturesServerTest.PAGE_SIZE, "server.shutdown=immediate",
				"spring.autoconfigure.exclude="
						+ "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
public @interface FeaturesServerTest {

	/** The page size of list results. */
	int PAGE_SIZE = 2;

}
