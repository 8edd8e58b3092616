package dev.mcpspring.internal.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.Filter;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mcpspring.abuse.calls.AsyncCallsApplication;
import dev.mcpspring.abuse.calls.SlowTools;
import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a filter registered without asynchronous support, MCP calls cannot go
 * asynchronous: they are answered on the container's thread, as before, rather than
 * failing.
 */
@SpringBootTest(classes = { AsyncCallsApplication.class, CallsBehindASynchronousFilterTests.SynchronousFilter.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class CallsBehindASynchronousFilterTests {

	@LocalServerPort
	private int port;

	@Test
	void callsAreAnsweredOnTheContainerThread() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		assertThat(client.callTool("sleep", Map.of("millis", 1)).text()).isEqualTo("slept 1");
		assertThat(client.callTool("sleep", Map.of("millis", 2)).text()).isEqualTo("slept 2");
	}

	@Test
	void completableFutureToolIsAwaitedOnTheContainerThread() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		CompletableFuture<String> answer = CompletableFuture
			.supplyAsync(() -> client.callTool("later", Map.of("key", "behind-filter")).text());
		Awaitility.await().until(() -> SlowTools.FUTURES.containsKey("behind-filter"));
		assertThat(answer).isNotDone();
		SlowTools.FUTURES.get("behind-filter").complete("done later");
		assertThat(answer).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("done later");
	}

	@Configuration(proxyBeanMethods = false)
	static class SynchronousFilter {

		@Bean
		FilterRegistrationBean<Filter> synchronousFilter() {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
					(request, response, chain) -> chain.doFilter(request, response));
			registration.setAsyncSupported(false);
			return registration;
		}

	}

}
