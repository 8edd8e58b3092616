package dev.mcpspring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.mcpspring.server.McpServer;
import dev.mcpspring.webmvc.McpContextInterceptor;
import dev.mcpspring.webmvc.McpHttpEndpoint;
import dev.mcpspring.webmvc.OriginPolicy;

/**
 * Auto-configuration of the MCP Streamable HTTP endpoint in a Spring MVC application,
 * and of the interceptor that builds each request's {@code McpContext}.
 */
@AutoConfiguration(after = McpServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(McpServer.class)
public final class McpWebMvcAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	McpContextInterceptor mcpContextInterceptor(McpServer server) {
		return new McpContextInterceptor(server);
	}

	@Bean
	@ConditionalOnMissingBean
	McpHttpEndpoint mcpHttpEndpoint(McpServer server, McpProperties properties) {
		McpProperties.Server config = properties.getServer();
		return new McpHttpEndpoint(server, new OriginPolicy(config.getAllowedOrigins()),
				config.getMaxRequestSize().toBytes(), config.getStreamTimeout().toMillis());
	}

	@Bean
	WebMvcConfigurer mcpContextInterceptorConfigurer(McpContextInterceptor interceptor, McpProperties properties) {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor).addPathPatterns(properties.getServer().getPath());
			}

		};
	}

}
