package dev.mcpspring.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.mcpspring.internal.actuate.McpEndpoint;
import dev.mcpspring.internal.prompt.DefaultMcpPromptRegistry;
import dev.mcpspring.internal.protocol.McpServer;
import dev.mcpspring.internal.resource.DefaultMcpResourceRegistry;
import dev.mcpspring.internal.tool.DefaultMcpToolRegistry;
import dev.mcpspring.tasks.Docket;
import dev.mcpspring.tasks.DocketAdmin;

/**
 * Auto-configuration of the Actuator endpoint {@code mcp}, available as Actuator's own
 * endpoints are ({@code management.endpoints.web.exposure.include=mcp}).
 */
@AutoConfiguration(after = { McpServerAutoConfiguration.class, McpTasksAutoConfiguration.class })
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnBean(McpServer.class)
@ConditionalOnAvailableEndpoint(McpEndpoint.class)
public final class McpEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	McpEndpoint mcpEndpoint(McpServer server, DefaultMcpToolRegistry tools, DefaultMcpResourceRegistry resources,
			DefaultMcpPromptRegistry prompts, ObjectProvider<Docket> docket) {
		Docket instance = docket.getIfUnique();
		return new McpEndpoint(tools, resources, prompts, server.sessions(),
				(instance instanceof DocketAdmin admin) ? admin : null);
	}

}
