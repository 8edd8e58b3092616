package dev.mcpspring.test.context;

import java.net.URI;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

import dev.mcpspring.test.client.McpRevision;
import dev.mcpspring.test.client.McpTestClient;

/**
 * Registers a lazily created {@link McpTestClient} bean pointed at the application's MCP
 * endpoint: {@code local.server.port}, {@code server.servlet.context-path} and
 * {@code mcp.server.path}, read when the bean is first needed (after the web server has
 * started); it speaks the revision of {@code mcp.test.revision} (2025-11-25 unless set).
 */
class McpTestClientRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, Ordered {

	private static final String BEAN_NAME = "mcpTestClient";

	private static final String REVISION_PROPERTY = "mcp.test.revision";

	private Environment environment;

	McpTestClientRegistrar() {
		this.environment = new StandardEnvironment();
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		if (registry instanceof ListableBeanFactory beanFactory && BeanFactoryUtils
			.beanNamesForTypeIncludingAncestors(beanFactory, McpTestClient.class, false, false).length > 0) {
			return;
		}
		Environment environment = this.environment;
		RootBeanDefinition definition = new RootBeanDefinition(McpTestClient.class,
				() -> McpTestClient.builder(endpoint(environment)).revision(revision(environment)).build());
		definition.setLazyInit(true);
		registry.registerBeanDefinition(BEAN_NAME, definition);
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
	}

	static URI endpoint(Environment environment) {
		String port = environment.getProperty("local.server.port");
		if (port == null) {
			throw new IllegalStateException("No local.server.port: the McpTestClient bean needs a running web server "
					+ "(@SpringBootTest(webEnvironment = RANDOM_PORT or DEFINED_PORT))");
		}
		String scheme = environment.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
		String path = slashed(environment.getProperty("server.servlet.context-path", ""))
				+ slashed(environment.getProperty("mcp.server.path", "/mcp"));
		return URI.create(scheme + "://localhost:" + port + path);
	}

	static McpRevision revision(Environment environment) {
		String version = environment.getProperty(REVISION_PROPERTY);
		return (version != null) ? McpRevision.of(version) : McpRevision.V2025_11_25;
	}

	private static String slashed(String path) {
		String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		return (trimmed.isEmpty() || trimmed.startsWith("/")) ? trimmed : "/" + trimmed;
	}

}
