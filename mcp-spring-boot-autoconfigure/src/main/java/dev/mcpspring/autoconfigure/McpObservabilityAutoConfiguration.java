package dev.mcpspring.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mcpspring.internal.docket.Worker;
import dev.mcpspring.internal.observability.McpCallMetrics;
import dev.mcpspring.internal.observability.McpHealthIndicator;
import dev.mcpspring.internal.observability.McpMetrics;
import dev.mcpspring.internal.protocol.McpServer;
import dev.mcpspring.internal.session.McpSessionStore;
import dev.mcpspring.internal.web.McpAsyncCalls;
import dev.mcpspring.internal.web.SessionEventStreams;
import dev.mcpspring.tasks.Docket;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Auto-configuration of MCP metrics (with a {@link MeterRegistry}) and of the docket and
 * worker health indicator (with Actuator's health support).
 */
@AutoConfiguration(after = { McpTasksAutoConfiguration.class, McpWebMvcAutoConfiguration.class },
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBean(McpServer.class)
public final class McpObservabilityAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		McpMetrics mcpMetrics(ObjectProvider<Docket> docket, ObjectProvider<McpSessionStore> sessionStore,
				ObjectProvider<SessionEventStreams> eventStreams) {
			Docket instance = docket.getIfAvailable();
			SessionEventStreams streams = eventStreams.getIfAvailable();
			McpMetrics metrics = new McpMetrics(instance).sessions(sessionStore.getIfAvailable(),
					(streams != null) ? streams::openConnections : null);
			if (instance != null) {
				instance.addListener(metrics);
			}
			return metrics;
		}

		@Bean
		@ConditionalOnBean(McpAsyncCalls.class)
		@ConditionalOnMissingBean
		McpCallMetrics mcpCallMetrics(McpAsyncCalls calls) {
			return new McpCallMetrics(calls);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnBean(Docket.class)
	@ConditionalOnEnabledHealthIndicator("mcp")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "mcpHealthIndicator")
		McpHealthIndicator mcpHealthIndicator(Docket docket, ObjectProvider<Worker> worker) {
			return new McpHealthIndicator(docket, worker.getIfAvailable());
		}

	}

}
