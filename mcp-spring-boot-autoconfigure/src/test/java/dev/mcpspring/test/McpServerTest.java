package dev.mcpspring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.mcpspring.test.app.McpTestApplication;

/**
 * Runs a test class against {@link McpTestApplication} on a random port, with the
 * standard test configuration. Every class so annotated shares one application context
 * (and one server), so prefer it over a {@code @SpringBootTest} of your own; inject the
 * port with {@code @LocalServerPort} and talk to it with
 * {@link McpTestClient#forLocalServer(int)}.
 * <p>
 * The configuration: server info {@code test-server} / {@code Test Server} /
 * {@code 9.9.9} with {@link #INSTRUCTIONS}; {@code tools/list} pages of
 * {@link #PAGE_SIZE}; requests up to {@link #MAX_REQUEST_SIZE} bytes; the default
 * allowed origins; at most {@link #TOMCAT_THREADS} Tomcat threads (so that
 * consecutive requests reuse threads); tasks with a default ttl of 2 minutes, a maximum
 * of 10, a poll interval of 250 ms and the {@code X-Tenant} header propagated; health
 * health details shown. Tests that need other settings use a
 * {@code @SpringBootTest} of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mcp.server.name=test-server", "mcp.server.title=Test Server", "mcp.server.version=9.9.9",
				"mcp.server.instructions=" + McpServerTest.INSTRUCTIONS, "mcp.server.page-size=" + McpServerTest.PAGE_SIZE,
				"mcp.server.max-request-size=" + McpServerTest.MAX_REQUEST_SIZE + "B",
				"server.tomcat.threads.max=" + McpServerTest.TOMCAT_THREADS, "server.tomcat.threads.min-spare=2",
				"mcp.docket.default-ttl=2m", "mcp.tasks.max-ttl=10m", "mcp.tasks.poll-interval=250ms",
				"mcp.tasks.propagated-headers=X-Tenant", "management.endpoint.health.show-details=always" })
public @interface McpServerTest {

	/** The instructions the server announces. */
	String INSTRUCTIONS = "Call echo to test the connection.";

	/** The page size of list results. */
	int PAGE_SIZE = 5;

	/** The largest request body, in bytes. */
	int MAX_REQUEST_SIZE = 65536;

	/** The largest number of Tomcat request threads. */
	int TOMCAT_THREADS = 4;

}
