package dev.mcpspring.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import dev.mcpspring.internal.dashboard.DashboardAccess;
import dev.mcpspring.internal.dashboard.DashboardRoutes;
import dev.mcpspring.internal.dashboard.DashboardSnapshots;
import dev.mcpspring.internal.dashboard.DashboardStreams;
import dev.mcpspring.internal.dashboard.DocketHistory;
import dev.mcpspring.internal.dashboard.SecurityAuthority;
import dev.mcpspring.tasks.Docket;
import dev.mcpspring.tasks.DocketAdmin;

/**
 * Auto-configuration of the task dashboard ({@code mcp.dashboard.enabled=true}) in a
 * Spring MVC application with a docket.
 */
@AutoConfiguration(after = McpTasksAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBooleanProperty("mcp.dashboard.enabled")
@ConditionalOnBean(Docket.class)
@EnableConfigurationProperties(McpDashboardProperties.class)
public final class McpDashboardAutoConfiguration {

	private static final String SECURITY_FILTER_CHAIN = "springSecurityFilterChain";

	@Bean
	@ConditionalOnMissingBean
	DocketHistory mcpDashboardHistory(Docket docket) {
		return new DocketHistory(admin(docket), Duration.ofSeconds(3), Duration.ofMinutes(15), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	DashboardSnapshots mcpDashboardSnapshots(Docket docket, DocketHistory history) {
		return new DashboardSnapshots(admin(docket), history);
	}

	@Bean
	@ConditionalOnMissingBean
	DashboardStreams mcpDashboardStreams(Docket docket, DashboardSnapshots snapshots,
			McpDashboardProperties properties) {
		DashboardStreams streams = new DashboardStreams(snapshots, properties.getMaxConnections());
		docket.addListener(streams);
		return streams;
	}

	@Bean
	RouterFunction<ServerResponse> mcpDashboardRoutes(Docket docket, DashboardSnapshots snapshots,
			DashboardStreams streams, McpDashboardProperties properties, ListableBeanFactory beanFactory) {
		SecurityAuthority authority = isSecurityActive(beanFactory)
				? new SecurityAuthority(properties.getAuthority()) : null;
		DashboardAccess access = new DashboardAccess(authority, properties.isAllowRemote());
		return DashboardRoutes.of(properties.getPath(), docket, admin(docket), snapshots, streams, access,
				authority);
	}

	private static boolean isSecurityActive(ListableBeanFactory beanFactory) {
		ClassLoader classLoader = McpDashboardAutoConfiguration.class.getClassLoader();
		return ClassUtils.isPresent("org.springframework.security.web.csrf.CsrfToken", classLoader)
				&& beanFactory.containsBean(SECURITY_FILTER_CHAIN);
	}

	private static DocketAdmin admin(Docket docket) {
		if (docket instanceof DocketAdmin admin) {
			return admin;
		}
		throw new IllegalStateException("The task dashboard needs a docket that implements DocketAdmin; "
				+ docket.getClass().getName() + " does not");
	}

}
