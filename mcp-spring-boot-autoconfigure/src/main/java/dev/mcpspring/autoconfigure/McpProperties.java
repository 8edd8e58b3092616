package dev.mcpspring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the MCP server, its tasks, docket and worker.
 */
@ConfigurationProperties("mcp")
public class McpProperties {

	private final Server server = new Server();

	public Server getServer() {
		return this.server;
	}

	/**
	 * The MCP endpoint and protocol server.
	 */
	public static class Server {

		/**
		 * Whether to serve MCP. When false there is no endpoint and nothing that only
		 * serves it.
		 */
		private boolean enabled = true;

		/**
		 * Name reported to clients in serverInfo. Defaults to spring.application.name.
		 */
		private String name;

		/**
		 * Human-readable name reported to clients in serverInfo.
		 */
		private String title;

		/**
		 * Version reported to clients in serverInfo.
		 */
		private String version = "1.0.0";

		/**
		 * Instructions sent to clients on initialize, describing how to use the server.
		 */
		private String instructions;

		/**
		 * Path of the MCP endpoint, under the servlet context path.
		 */
		private String path = "/mcp";

		/**
		 * Origin patterns allowed to call the endpoint (DNS-rebinding protection).
		 * Requests without an Origin header are always allowed. Patterns such as
		 * "http://localhost:[*]" (any port) or "https://*.example.com".
		 */
		private List<String> allowedOrigins = new ArrayList<>(List.of("http://localhost:[*]",
				"http://127.0.0.1:[*]", "http://[::1]:[*]", "https://localhost:[*]", "https://127.0.0.1:[*]",
				"https://[::1]:[*]"));

		/**
		 * Largest request body accepted; larger requests are answered with 413.
		 */
		private DataSize maxRequestSize = DataSize.ofMegabytes(4);

		/**
		 * How long a session may stay idle before it expires.
		 */
		private Duration sessionTimeout = Duration.ofMinutes(30);

		/**
		 * Maximum number of items in one page of a list result.
		 */
		private int pageSize = 100;

		/**
		 * How long a server-to-client stream (HTTP GET) stays open before the client has
		 * to reconnect. Zero keeps it open until the client leaves.
		 */
		private Duration streamTimeout = Duration.ofMinutes(10);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getTitle() {
			return this.title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public String getVersion() {
			return this.version;
		}

		public void setVersion(String version) {
			this.version = version;
		}

		public String getInstructions() {
			return this.instructions;
		}

		public void setInstructions(String instructions) {
			this.instructions = instructions;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			Assert.isTrue(path != null && path.startsWith("/") && path.length() > 1,
					"mcp.server.path must start with '/' and name a path, such as /mcp");
			this.path = path;
		}

		public List<String> getAllowedOrigins() {
			return this.allowedOrigins;
		}

		public void setAllowedOrigins(List<String> allowedOrigins) {
			this.allowedOrigins = allowedOrigins;
		}

		public DataSize getMaxRequestSize() {
			return this.maxRequestSize;
		}

		public void setMaxRequestSize(DataSize maxRequestSize) {
			Assert.isTrue(maxRequestSize.toBytes() > 0, "mcp.server.max-request-size must be positive");
			this.maxRequestSize = maxRequestSize;
		}

		public Duration getSessionTimeout() {
			return this.sessionTimeout;
		}

		public void setSessionTimeout(Duration sessionTimeout) {
			this.sessionTimeout = sessionTimeout;
		}

		public int getPageSize() {
			return this.pageSize;
		}

		public void setPageSize(int pageSize) {
			Assert.isTrue(pageSize > 0, "mcp.server.page-size must be positive");
			this.pageSize = pageSize;
		}

		public Duration getStreamTimeout() {
			return this.streamTimeout;
		}

		public void setStreamTimeout(Duration streamTimeout) {
			this.streamTimeout = streamTimeout;
		}

	}

}
