package dev.mcpspring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * Configuration of the task dashboard ({@code mcp.dashboard}).
 */
@ConfigurationProperties("mcp.dashboard")
public class McpDashboardProperties {

	/**
	 * Whether the application serves the task dashboard.
	 */
	private boolean enabled;

	/**
	 * Path of the dashboard, under the context path.
	 */
	private String path = "/mcp-dashboard";

	/**
	 * Authority a user needs to see the dashboard when Spring Security is active.
	 */
	private String authority = "ROLE_MCP_ADMIN";

	/**
	 * Whether requests from other hosts than the loopback address may see the dashboard
	 * when Spring Security is not active.
	 */
	private boolean allowRemote;

	/**
	 * Most dashboard pages connected for live updates at once.
	 */
	private int maxConnections = 16;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		Assert.isTrue(path.startsWith("/") && path.length() > 1 && !path.endsWith("/"),
				"mcp.dashboard.path must start with '/' and not end with '/'");
		this.path = path;
	}

	public String getAuthority() {
		return this.authority;
	}

	public void setAuthority(String authority) {
		this.authority = authority;
	}

	public boolean isAllowRemote() {
		return this.allowRemote;
	}

	public void setAllowRemote(boolean allowRemote) {
		this.allowRemote = allowRemote;
	}

	public int getMaxConnections() {
		return this.maxConnections;
	}

	public void setMaxConnections(int maxConnections) {
		Assert.isTrue(maxConnections > 0, "mcp.dashboard.max-connections must be positive");
		this.maxConnections = maxConnections;
	}

}
