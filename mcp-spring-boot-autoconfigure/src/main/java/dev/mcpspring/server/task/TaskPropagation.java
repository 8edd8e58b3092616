package dev.mcpspring.server.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.util.ClassUtils;

import dev.mcpspring.server.McpExchange;
import dev.mcpspring.tasks.TaskInfo;

/**
 * What travels from a request to the background work it submits, as task metadata: the
 * session, the protocol version, the progress token, the headers named in
 * {@code mcp.tasks.propagated-headers}, and the Spring Security context when there is
 * one. Restored around the run on the worker.
 */
public class TaskPropagation {

	static final String SESSION = "mcp.session";

	static final String PROTOCOL_VERSION = "mcp.protocol-version";

	static final String PROGRESS_TOKEN = "mcp.progress-token";

	static final String PRINCIPAL = "mcp.principal";

	static final String HEADER_PREFIX = "header.";

	private static final boolean SECURITY_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.core.context.SecurityContextHolder", TaskPropagation.class.getClassLoader());

	private final List<String> headers;

	/**
	 * Creates a propagation.
	 * @param headers the names of the request headers to carry
	 */
	public TaskPropagation(List<String> headers) {
		this.headers = List.copyOf(headers);
	}

	/**
	 * Captures what a background task submitted from an exchange needs.
	 * @param exchange the submitting exchange
	 * @return the task metadata
	 */
	public Map<String, String> capture(McpExchange exchange) {
		Map<String, String> metadata = new LinkedHashMap<>();
		if (exchange.session() != null) {
			metadata.put(SESSION, exchange.session().id());
		}
		metadata.put(PROTOCOL_VERSION, exchange.protocolVersion());
		if (exchange.principal() != null) {
			metadata.put(PRINCIPAL, exchange.principal().getName());
		}
		for (String header : this.headers) {
			String value = exchange.header(header);
			if (value != null) {
				metadata.put(HEADER_PREFIX + header.toLowerCase(Locale.ROOT), value);
			}
		}
		if (SECURITY_PRESENT) {
			SecurityContextPropagation.capture(metadata);
		}
		return metadata;
	}

	/**
	 * Runs work with the submitter's security context restored.
	 * @param <T> the result type
	 * @param task the task
	 * @param work the work
	 * @return the work's result
	 * @throws Exception what the work throws
	 */
	public <T> T restore(TaskInfo task, Callable<T> work) throws Exception {
		return SECURITY_PRESENT ? SecurityContextPropagation.runWith(task.metadata(), work) : work.call();
	}

	static String header(TaskInfo task, String name) {
		return task.metadata().get(HEADER_PREFIX + name.toLowerCase(Locale.ROOT));
	}

}
