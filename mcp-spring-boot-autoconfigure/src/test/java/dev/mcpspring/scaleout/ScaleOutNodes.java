package dev.mcpspring.scaleout;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.mcpspring.internal.docket.redis.RedisTestSupport;

/**
 * Nodes of {@link ScaleOutNodeApplication} started in this JVM on one docket in Redis, on
 * random ports; closing them deletes the docket's keys.
 */
public final class ScaleOutNodes implements AutoCloseable {

	private final String name;

	private final List<ConfigurableApplicationContext> started = new ArrayList<>();

	/**
	 * Creates nodes sharing a docket.
	 * @param name the docket's name, unique to the test class
	 */
	public ScaleOutNodes(String name) {
		this.name = name;
	}

	/**
	 * Starts a node.
	 * @param properties properties beyond the port and the docket's name
	 * @return the node
	 */
	public ConfigurableApplicationContext start(String... properties) {
		ConfigurableApplicationContext node = ScaleOutNodeApplication.builder()
			.properties("server.port=0", "mcp.docket.name=" + this.name)
			.properties(properties)
			.run();
		this.started.add(node);
		return node;
	}

	/**
	 * Returns the port of a node's web server.
	 * @param node the node
	 * @return the port
	 */
	public static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	/**
	 * Returns the URL of a node's MCP endpoint.
	 * @param node the node
	 * @return the URL
	 */
	public static String url(ConfigurableApplicationContext node) {
		return "http://127.0.0.1:" + port(node) + "/mcp";
	}

	@Override
	public void close() {
		if (this.started.isEmpty()) {
			return;
		}
		RedisConnectionFactory redis = this.started.get(0).getBean(StringRedisTemplate.class).getConnectionFactory();
		for (int i = this.started.size() - 1; i > 0; i--) {
			this.started.get(i).close();
		}
		RedisTestSupport.deleteKeys(redis, this.name);
		this.started.get(0).close();
		this.started.clear();
	}

}
