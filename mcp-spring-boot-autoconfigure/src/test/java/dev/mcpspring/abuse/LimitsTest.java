package dev.mcpspring.abuse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.mcpspring.test.app.McpTestApplication;

/**
 * Runs a test class against {@link McpTestApplication} on a random port with small
 * per-session limits and the default request size, shared by the limit tests of this
 * package (one application context for all of them).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mcp.server.max-subscriptions-per-session=" + LimitsTest.MAX_SUBSCRIPTIONS,
				"mcp.server.max-pending-client-requests=" + LimitsTest.MAX_PENDING_CLIENT_REQUESTS })
@interface LimitsTest {

	/** The most resource subscriptions of one session. */
	int MAX_SUBSCRIPTIONS = 3;

	/** The most requests to the client one session may have waiting. */
	int MAX_PENDING_CLIENT_REQUESTS = 1;

}
