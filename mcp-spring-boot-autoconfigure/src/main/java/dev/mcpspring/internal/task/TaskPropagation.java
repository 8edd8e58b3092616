package dev.mcpspring.internal.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

import dev.mcpspring.McpTaskAuthenticationResolver;
import dev.mcpspring.internal.docket.DocketKey;
import dev.mcpspring.internal.session.McpExchange;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.tasks.TaskInfo;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What travels from a request to the background work it submits, as task metadata: the
 * session, the protocol version, the progress token, and, as one secret entry, the
 * headers named in {@code mcp.tasks.propagated-headers} and the Spring Security
 * authentication (principal name and authority names) when there is one. With a
 * {@link DocketKey} ({@code mcp.tasks.encryption-key}) the secret entry is encrypted with
 * AES-GCM, bound to the task's owner; without one (in-memory docket only) it stays plain
 * JSON in this process's memory. Restored around the run on the worker: a secret entry
 * that cannot be decrypted fails the task, which never runs without it.
 */
public class TaskPropagation {

	static final String SESSION = "mcp.session";

	static final String PROTOCOL_VERSION = "mcp.protocol-version";

	static final String PROGRESS_TOKEN = "mcp.progress-token";

	static final String PRINCIPAL = "mcp.principal";

	static final String CLIENT_CAPABILITIES = "mcp.client-capabilities";

	static final String SECRETS = "mcp.secrets";

	static final String AUTHENTICATION = "authentication";

	private static final String HEADERS = "headers";

	private static final List<String> INPUT_CAPABILITIES = List.of("elicitation", "sampling", "roots");

	private static final int MAX_CAPABILITIES_LENGTH = 1024;

	private static final boolean SECURITY_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.core.context.SecurityContextHolder", TaskPropagation.class.getClassLoader());

	private final List<String> headers;

	private final @Nullable DocketKey key;

	private final @Nullable McpTaskAuthenticationResolver authenticationResolver;

	/**
	 * Creates a propagation.
	 * @param headers the names of the request headers to carry
	 * @param key encrypts what is secret, or {@code null} to keep it plain (only where
	 * tasks never leave the process)
	 * @param authenticationResolver rebuilds the submitter's authentication, or
	 * {@code null} for one of its name and authorities
	 */
	public TaskPropagation(List<String> headers, @Nullable DocketKey key,
			@Nullable McpTaskAuthenticationResolver authenticationResolver) {
		this.headers = List.copyOf(headers);
		this.key = key;
		this.authenticationResolver = authenticationResolver;
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
		if (exchange.isStateless()) {
			metadata.put(CLIENT_CAPABILITIES, inputCapabilities(exchange.clientCapabilities()));
		}
		ObjectNode secrets = McpJson.mapper().createObjectNode();
		ObjectNode headers = McpJson.mapper().createObjectNode();
		for (String header : this.headers) {
			String value = exchange.header(header);
			if (value != null) {
				headers.put(header.toLowerCase(Locale.ROOT), value);
			}
		}
		if (!headers.isEmpty()) {
			secrets.set(HEADERS, headers);
		}
		if (SECURITY_PRESENT) {
			SecurityContextPropagation.capture(secrets);
		}
		if (!secrets.isEmpty()) {
			String json = McpJson.mapper().writeValueAsString(secrets);
			metadata.put(SECRETS, (this.key != null) ? this.key.seal(json, context(exchange.owner())) : json);
		}
		return metadata;
	}

	/**
	 * Returns the capabilities a task's requests for input depend on, as JSON: those of
	 * a stateless request, whose task asks for input through {@code tasks/get}. Kept
	 * small: their names only, when the client sent more than a little detail.
	 */
	private static String inputCapabilities(JsonNode capabilities) {
		ObjectNode kept = McpJson.mapper().createObjectNode();
		for (String name : INPUT_CAPABILITIES) {
			if (capabilities.has(name)) {
				kept.set(name, capabilities.get(name));
			}
		}
		String json = McpJson.mapper().writeValueAsString(kept);
		if (json.length() <= MAX_CAPABILITIES_LENGTH) {
			return json;
		}
		ObjectNode names = McpJson.mapper().createObjectNode();
		kept.propertyNames().forEach(names::putObject);
		return McpJson.mapper().writeValueAsString(names);
	}

	/**
	 * Reads the secret part of a task's metadata.
	 * @param task the task
	 * @return the headers and authentication it carries
	 * @throws IllegalStateException when it cannot be decrypted (another key, changed
	 * since, or not encrypted although this process has a key)
	 */
	Carried open(TaskInfo task) {
		String value = task.metadata().get(SECRETS);
		if (value == null) {
			return new Carried(Map.of(), null);
		}
		String json;
		if (this.key != null) {
			if (value.startsWith("{")) {
				throw new IllegalStateException("The task's propagated headers and authentication are not encrypted, "
						+ "but this application has mcp.tasks.encryption-key; refusing to run it");
			}
			json = this.key.open(value, context(task.owner()));
		}
		else {
			if (!value.startsWith("{")) {
				throw new IllegalStateException("The task's propagated headers and authentication are encrypted, "
						+ "but mcp.tasks.encryption-key is not set in this process");
			}
			json = value;
		}
		JsonNode secrets;
		try {
			secrets = McpJson.mapper().readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("The task's propagated headers and authentication are malformed");
		}
		Map<String, String> headers = new LinkedHashMap<>();
		secrets.path(HEADERS).properties().forEach((entry) -> headers.put(entry.getKey(), entry.getValue().asString()));
		JsonNode authentication = secrets.get(AUTHENTICATION);
		return new Carried(Map.copyOf(headers),
				(authentication != null && authentication.isObject()) ? authentication : null);
	}

	/**
	 * Runs work with the submitter's security context restored.
	 * @param <T> the result type
	 * @param carried what the task carries, from {@link #open}
	 * @param work the work
	 * @return the work's result
	 * @throws Exception what the work throws
	 */
	<T> T restore(Carried carried, Callable<T> work) throws Exception {
		return SECURITY_PRESENT
				? SecurityContextPropagation.runWith(carried.authentication(), this.authenticationResolver, work)
				: work.call();
	}

	private static String context(@Nullable String owner) {
		return "mcp task secrets\n" + ((owner != null) ? owner : "");
	}

	/**
	 * The secret part of a task's metadata, decrypted.
	 *
	 * @param headers the propagated headers, by lower-case name
	 * @param authentication the captured authentication (name and authorities), or
	 * {@code null}
	 */
	record Carried(Map<String, String> headers, @Nullable JsonNode authentication) {

		@Nullable String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
