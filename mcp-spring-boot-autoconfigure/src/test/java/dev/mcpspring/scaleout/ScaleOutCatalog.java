package dev.mcpspring.scaleout;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.mcpspring.McpPrompt;
import dev.mcpspring.McpResource;
import dev.mcpspring.McpTool;

/**
 * A tool, a resource and a prompt of a scale-out node that say which instance (by its
 * port) served them, so that tests can tell where each request of a client went.
 */
@Component
public class ScaleOutCatalog {

	/** The URI of {@link #status()}. */
	public static final String STATUS = "scaleout://status";

	private final Environment environment;

	ScaleOutCatalog(Environment environment) {
		this.environment = environment;
	}

	@McpTool(name = "served_by", description = "Says which instance served the call")
	public String servedBy() {
		return "served by " + port();
	}

	@McpResource(uri = STATUS, name = "status", description = "Says which instance read it")
	public String status() {
		return "read on " + port();
	}

	@McpPrompt(name = "instance", description = "Says which instance rendered it")
	public String instance() {
		return "rendered on " + port();
	}

	private String port() {
		return this.environment.getProperty("local.server.port", "?");
	}

}
