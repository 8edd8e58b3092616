package dev.mcpspring.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mcpspring.McpToolRegistry;
import dev.mcpspring.TaskSupport;
import dev.mcpspring.internal.docket.InMemoryDocket;
import dev.mcpspring.internal.docket.TaskFunctionRegistry;
import dev.mcpspring.internal.docket.Worker;
import dev.mcpspring.internal.docket.WorkerObserver;
import dev.mcpspring.internal.observability.McpHealthIndicator;
import dev.mcpspring.internal.observability.McpMetrics;
import dev.mcpspring.internal.protocol.McpServer;
import dev.mcpspring.internal.task.McpTasksFeature;
import dev.mcpspring.internal.web.McpHttpEndpoint;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.tasks.Docket;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link McpTasksAutoConfiguration} and {@link McpObservabilityAutoConfiguration}: the
 * docket, the worker, process roles, back-off, properties, metrics and health.
 */
class McpTasksAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(McpServerAutoConfiguration.class,
			McpTasksAutoConfiguration.class, McpWebMvcAutoConfiguration.class,
			McpObservabilityAutoConfiguration.class, JacksonAutoConfiguration.class,
			ValidationAutoConfiguration.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(CONFIGURATIONS);

	private final WebApplicationContextRunner webRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class))
		.withConfiguration(CONFIGURATIONS);

	@Test
	void createsInMemoryDocketWorkerAndTasksFeature() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBean(Docket.class).isExactlyInstanceOf(InMemoryDocket.class);
			assertThat(context).hasSingleBean(Worker.class);
			assertThat(context).hasSingleBean(TaskFunctionRegistry.class);
			assertThat(context).hasSingleBean(McpTasksFeature.class);
			assertThat(context.getBean(McpServer.class).capabilities()).containsKey("tasks");
			assertThat(context.getBean(McpToolRegistry.class).tasksEnabled()).isTrue();
			assertThat(context.getBean(TaskFunctionRegistry.class).contains("tool:")).isTrue();
			assertThat(context.getBean(Worker.class).isRunning()).isTrue();
			assertThat(context.getBean(InMemoryDocket.class).isRunning()).isTrue();
		});
	}

	@Test
	void tasksCanBeSwitchedOff() {
		this.runner.withPropertyValues("mcp.tasks.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(McpServer.class);
			assertThat(context).doesNotHaveBean(Docket.class);
			assertThat(context).doesNotHaveBean(Worker.class);
			assertThat(context).doesNotHaveBean(McpTasksFeature.class);
			assertThat(context.getBean(McpServer.class).capabilities()).doesNotContainKey("tasks");
			assertThat(context.getBean(McpToolRegistry.class).tasksEnabled()).isFalse();
		});
	}

	@Test
	void webOnlyNodeHasADocketButNoWorker() {
		this.webRunner.withPropertyValues("mcp.worker.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(McpHttpEndpoint.class);
			assertThat(context).hasSingleBean(Docket.class);
			assertThat(context).doesNotHaveBean(Worker.class);
			assertThat(context.getBean(McpServer.class).capabilities()).containsKey("tasks");
		});
	}

	@Test
	void workerOnlyNodeRunsTasksWithoutAnEndpoint() {
		this.webRunner.withPropertyValues("mcp.server.enabled=false", "mcp.worker.enabled=true").run((context) -> {
			assertThat(context).doesNotHaveBean(McpHttpEndpoint.class);
			assertThat(context).hasSingleBean(Docket.class);
			assertThat(context).hasSingleBean(Worker.class);
			assertThat(context).hasSingleBean(McpToolRegistry.class);
		});
	}

	@Test
	void serverSwitchedOffWithoutAnExplicitWorkerCreatesNothing() {
		this.webRunner.withPropertyValues("mcp.server.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(McpServer.class);
			assertThat(context).doesNotHaveBean(Docket.class);
			assertThat(context).doesNotHaveBean(Worker.class);
		});
	}

	@Test
	void userDocketAndWorkerReplaceTheAutoConfiguredOnes() {
		this.runner.withUserConfiguration(UserTaskBeans.class).run((context) -> {
			assertThat(context).getBean(Docket.class).isSameAs(context.getBean("userDocket"));
			assertThat(context).getBean(Worker.class).isSameAs(context.getBean("userWorker"));
			assertThat(context.getBean(McpTasksFeature.class)).isNotNull();
		});
	}

	@Test
	void propertiesConfigureTasksDocketAndWorker() {
		this.runner
			.withPropertyValues("mcp.tasks.default-support=optional", "mcp.tasks.default-ttl=5m",
					"mcp.tasks.max-ttl=2h", "mcp.tasks.poll-interval=2s", "mcp.tasks.propagated-headers=X-A,X-B",
					"mcp.docket.name=orders", "mcp.docket.capacity=50", "mcp.worker.id=worker-7",
					"mcp.worker.concurrency=3", "mcp.worker.redelivery-timeout=1m", "mcp.worker.shutdown-timeout=5s")
			.run((context) -> {
				McpProperties properties = context.getBean(McpProperties.class);
				assertThat(properties.getTasks().getDefaultSupport()).isEqualTo(TaskSupport.OPTIONAL);
				assertThat(properties.getTasks().getDefaultTtl()).isEqualTo(Duration.ofMinutes(5));
				assertThat(properties.getTasks().getMaxTtl()).isEqualTo(Duration.ofHours(2));
				assertThat(properties.getTasks().getPollInterval()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.getTasks().getPropagatedHeaders()).containsExactly("X-A", "X-B");
				assertThat(properties.getDocket().getName()).isEqualTo("orders");
				assertThat(properties.getDocket().getCapacity()).isEqualTo(50);
				Worker worker = context.getBean(Worker.class);
				assertThat(worker.id()).isEqualTo("worker-7");
				assertThat(worker.concurrency()).isEqualTo(3);
			});
	}

	@Test
	void invalidWorkerSettingsFailAtStartupNamingTheProperty() {
		this.runner.withPropertyValues("mcp.worker.concurrency=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("mcp.worker.concurrency"));
	}

	@Test
	void metricsAreBoundWithAMeterRegistry() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			assertThat(context).hasSingleBean(McpMetrics.class);
			assertThat(context.getBean(WorkerObserver.class)).isSameAs(context.getBean(McpMetrics.class));
		});
	}

	@Test
	void noMetricsWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(McpMetrics.class));
	}

	@Test
	void healthIndicatorReportsTheDocket() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(McpHealthIndicator.class);
			assertThat(context.getBean(McpHealthIndicator.class).health(true).getStatus().getCode()).isEqualTo("UP");
		});
	}

	@Test
	void healthIndicatorCanBeSwitchedOffOrMissing() {
		this.runner.withPropertyValues("management.health.mcp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(McpHealthIndicator.class));
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(McpHealthIndicator.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserTaskBeans {

		@Bean
		Docket userDocket() {
			return new InMemoryDocket(McpJson.mapper(), Duration.ofMinutes(1), Duration.ofMinutes(1), 10);
		}

		@Bean
		Worker userWorker(Docket userDocket, TaskFunctionRegistry functions) {
			return new Worker("user", userDocket, functions,
					new Worker.Settings(1, Duration.ofMinutes(1), Duration.ofSeconds(1), false), WorkerObserver.NONE);
		}

	}

}
