package dev.mcpspring.internal.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.LoggingLevel;
import dev.mcpspring.McpException;
import dev.mcpspring.internal.task.McpTasksFeature;
import dev.mcpspring.internal.wire.ErrorCodes;
import dev.mcpspring.internal.wire.McpJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 2026-07-28 revision: stateless. There is no {@code initialize} and no session;
 * every request carries its version and the client's capabilities in
 * {@code params._meta} (a {@link RequestEnvelope}), repeats its method (and name) in
 * headers, and is answered with a result stamped with {@code resultType} and the
 * server's {@code serverInfo}. A client learns what the server offers with
 * {@code server/discover}. This class owns that wire: reading and validating the
 * envelope and the headers, the methods the revision serves, the shape of results and
 * the revision's errors.
 */
public final class Mcp2026Revision implements ProtocolRevision {

	/** The version string. */
	public static final String VERSION = "2026-07-28";

	/** The {@code _meta} key of the protocol version. */
	public static final String META_PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";

	/** The {@code _meta} key of the client capabilities. */
	public static final String META_CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";

	/** The {@code _meta} key of the client info. */
	public static final String META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";

	/** The {@code _meta} key of the log level. */
	public static final String META_LOG_LEVEL = "io.modelcontextprotocol/logLevel";

	/** The {@code _meta} key of the server info on results. */
	public static final String META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";

	/** The header that repeats a request's method. */
	public static final String METHOD_HEADER = "Mcp-Method";

	/** The header that repeats a request's tool or prompt name, or resource URI. */
	public static final String NAME_HEADER = "Mcp-Name";

	/** Header mismatch. */
	public static final int HEADER_MISMATCH = -32020;

	/** Unsupported protocol version. */
	public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

	/** The identifier of the tasks extension, in server and client capabilities. */
	public static final String TASKS_EXTENSION = McpTasksFeature.EXTENSION;

	/** The methods of the tasks extension, each about the task named by its {@code taskId}. */
	static final Set<String> TASK_METHODS = Set.of("tasks/get", "tasks/update", "tasks/cancel");

	/** The methods this revision serves. */
	static final Set<String> METHODS = Set.of("server/discover", "tools/list", "tools/call", "resources/list",
			"resources/templates/list", "resources/read", "prompts/list", "prompts/get", "completion/complete",
			"subscriptions/listen", "tasks/get", "tasks/update", "tasks/cancel");

	/** The methods whose results carry caching hints. */
	static final Set<String> CACHEABLE = Set.of("server/discover", "tools/list", "resources/list",
			"resources/templates/list", "resources/read", "prompts/list");

	private static final Map<String, String> NAME_PARAMS = Map.of("tools/call", "name", "prompts/get", "name",
			"resources/read", "uri");

	private static final String BASE64_PREFIX = "=?base64?";

	private static final String BASE64_SUFFIX = "?=";

	@Override
	public String version() {
		return VERSION;
	}

	/**
	 * Not part of this revision: clients do not {@code initialize}.
	 * @throws UnsupportedOperationException always
	 */
	@Override
	public InitializeResult initializeResult(Map<String, Object> capabilities, Implementation server,
			@Nullable String instructions) {
		throw new UnsupportedOperationException("2026-07-28 has no initialize");
	}

	/**
	 * Returns whether a request without a session claims this revision, by its
	 * {@code MCP-Protocol-Version} header or by a protocol version in
	 * {@code params._meta}. Every other request is served as the 2025 revisions serve it.
	 * @param headerVersion the {@code MCP-Protocol-Version} header, or {@code null}
	 * @param params the request params, or {@code null}
	 * @return whether the request is a 2026-07-28 request
	 */
	public static boolean isClaimedBy(@Nullable String headerVersion, @Nullable JsonNode params) {
		if (VERSION.equals(headerVersion)) {
			return true;
		}
		JsonNode meta = (params != null && params.isObject()) ? params.get("_meta") : null;
		return meta != null && meta.isObject() && meta.has(META_PROTOCOL_VERSION);
	}

	/**
	 * Checks a request in the order the revision prescribes and reads its envelope:
	 * {@code _meta} with a version and capabilities ({@code -32602}); the
	 * {@code MCP-Protocol-Version} header equal to it ({@code -32020}); the version
	 * supported ({@code -32022}); {@code Mcp-Method} and {@code Mcp-Name} equal to the
	 * body ({@code -32020}; on the methods of the tasks extension {@code Mcp-Name}, when
	 * sent, must be the {@code taskId}); the method served ({@code -32601}).
	 * @param method the request's method
	 * @param params the request's params
	 * @param headers the request's headers by (case-insensitive) name
	 * @return the envelope
	 * @throws McpException the revision's error for the first failed check
	 */
	public RequestEnvelope accept(String method, ObjectNode params, UnaryOperator<@Nullable String> headers) {
		RequestEnvelope envelope = envelope(params);
		String headerVersion = headers.apply(ProtocolVersions.HEADER);
		if (headerVersion == null || !headerVersion.trim().equals(envelope.protocolVersion())) {
			throw new McpException(HEADER_MISMATCH, "Header mismatch: " + ProtocolVersions.HEADER + " "
					+ ((headerVersion != null) ? "'" + headerVersion + "'" : "missing") + " does not match "
					+ META_PROTOCOL_VERSION + " '" + envelope.protocolVersion() + "'");
		}
		if (!VERSION.equals(envelope.protocolVersion())) {
			throw unsupportedVersion(envelope.protocolVersion());
		}
		checkHeader(headers, METHOD_HEADER, method);
		String nameParam = NAME_PARAMS.get(method);
		if (nameParam != null) {
			JsonNode name = params.get(nameParam);
			checkHeader(headers, NAME_HEADER, (name != null && name.isString()) ? name.stringValue() : null);
		}
		else if (TASK_METHODS.contains(method) && headers.apply(NAME_HEADER) != null) {
			JsonNode taskId = params.get("taskId");
			checkHeader(headers, NAME_HEADER, (taskId != null && taskId.isString()) ? taskId.stringValue() : null);
		}
		if (!METHODS.contains(method)) {
			throw McpException.methodNotFound("Method not found: " + method);
		}
		return envelope;
	}

	/**
	 * Returns the error for a version this server does not speak, listing those it does.
	 * @param requested the version the client asked for
	 * @return the error
	 */
	public static McpException unsupportedVersion(String requested) {
		return new McpException(UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version: " + requested,
				Map.of("supported", ProtocolVersions.ALL, "requested", requested));
	}

	/**
	 * Returns the result of {@code server/discover}. The capabilities are those of the
	 * 2025 revisions, with {@code tasks} offered as the {@link #TASKS_EXTENSION tasks
	 * extension}. {@code listChanged} and {@code subscribe} are honoured on
	 * {@code subscriptions/listen} streams.
	 * @param capabilities what the server and its features offer now, by name
	 * @param server the server's name and version
	 * @param instructions usage hints for the client, or {@code null}
	 * @return the result, before {@link #stamp stamping}
	 */
	public Map<String, Object> discoverResult(Map<String, Object> capabilities, Implementation server,
			@Nullable String instructions) {
		Map<String, Object> withExtensions = new LinkedHashMap<>();
		capabilities.forEach((name, value) -> {
			if (!"tasks".equals(name)) {
				withExtensions.put(name, value);
			}
		});
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (withExtensions.get("extensions") instanceof Map<?, ?> declared) {
			declared.forEach((name, value) -> extensions.put(String.valueOf(name), value));
		}
		if (capabilities.containsKey("tasks")) {
			extensions.put(TASKS_EXTENSION, Map.of());
		}
		withExtensions.put("extensions", extensions);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("supportedVersions", ProtocolVersions.ALL);
		result.put("capabilities", withExtensions);
		if (instructions != null) {
			result.put("instructions", instructions);
		}
		return result;
	}

	/**
	 * Writes a feature's result in this revision's shape: {@code resultType}
	 * {@code complete} (unless the feature set another, such as {@code task}), the
	 * server's identity in {@code _meta}, and, on the results that carry them, the caching
	 * hints {@code ttlMs} and {@code cacheScope} of the policy (unless the result has its
	 * own).
	 * @param method the request's method
	 * @param result the feature's result
	 * @param server the server's name and version
	 * @param cache the caching hints by method
	 * @return the result to answer with
	 */
	public ObjectNode stamp(String method, Object result, Implementation server, CachePolicy cache) {
		ObjectNode node = McpJson.mapper().valueToTree(result);
		if (!node.has("resultType")) {
			node.put("resultType", "complete");
		}
		if (CACHEABLE.contains(method)) {
			CachePolicy.Hint hint = cache.hint(method);
			if (!node.has("ttlMs")) {
				node.put("ttlMs", hint.ttlMs());
			}
			if (!node.has("cacheScope")) {
				node.put("cacheScope", hint.scope());
			}
		}
		JsonNode meta = node.get("_meta");
		putServerInfo((meta != null && meta.isObject()) ? (ObjectNode) meta : node.putObject("_meta"), server);
		return node;
	}

	/**
	 * Writes the result of a round that needs the client's input: {@code resultType}
	 * {@code input_required}, the questions, the state to send back, and the server's
	 * identity; never caching hints.
	 * @param inputRequests the unanswered questions: key to {@code {method, params}}
	 * @param requestState the sealed state
	 * @param server the server's name and version
	 * @return the result to answer with
	 */
	public ObjectNode inputRequired(ObjectNode inputRequests, String requestState, Implementation server) {
		ObjectNode node = McpJson.mapper().createObjectNode();
		node.put("resultType", "input_required");
		node.set("inputRequests", inputRequests);
		node.put("requestState", requestState);
		putServerInfo(node.putObject("_meta"), server);
		return node;
	}

	private static void putServerInfo(ObjectNode meta, Implementation server) {
		ObjectNode serverInfo = meta.putObject(META_SERVER_INFO);
		serverInfo.put("name", server.name());
		serverInfo.put("version", server.version());
	}

	/**
	 * Translates an error of a feature into this revision: a resource that is not found
	 * is {@code -32602} here, not {@code -32002}.
	 * @param error the feature's error
	 * @return the error to answer with
	 */
	public McpException translate(McpException error) {
		if (error.getCode() == ErrorCodes.RESOURCE_NOT_FOUND) {
			return new McpException(ErrorCodes.INVALID_PARAMS, error.getMessage(), error.getData());
		}
		return error;
	}

	/**
	 * Returns the error for a request that needs the tasks extension its client
	 * capabilities did not declare.
	 * @param what what needs it, for the message
	 * @return the error
	 */
	public static McpException tasksExtensionRequired(String what) {
		return new McpException(ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
				what + " needs the client capability extensions[\"" + TASKS_EXTENSION + "\"]",
				Map.of("requiredCapabilities", Map.of("extensions", Map.of(TASKS_EXTENSION, Map.of()))));
	}

	/**
	 * Decodes a header value sent in the {@code =?base64?…?=} form; any other value is
	 * returned trimmed, as it is.
	 * @param value the header value
	 * @return the decoded value
	 * @throws McpException ({@code -32020}) when the encoded form is not valid Base64 of
	 * UTF-8
	 */
	public static String decodeHeaderValue(String value) {
		String trimmed = value.trim();
		if (!trimmed.startsWith(BASE64_PREFIX) || !trimmed.endsWith(BASE64_SUFFIX)
				|| trimmed.length() < BASE64_PREFIX.length() + BASE64_SUFFIX.length()) {
			return trimmed;
		}
		String encoded = trimmed.substring(BASE64_PREFIX.length(), trimmed.length() - BASE64_SUFFIX.length());
		try {
			if (encoded.length() % 4 != 0) {
				throw new IllegalArgumentException("missing padding");
			}
			byte[] bytes = Base64.getDecoder().decode(encoded);
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (IllegalArgumentException | CharacterCodingException ex) {
			throw new McpException(HEADER_MISMATCH, "Header mismatch: invalid Base64 header value " + value);
		}
	}

	private static RequestEnvelope envelope(ObjectNode params) {
		JsonNode meta = params.get("_meta");
		if (meta == null || !meta.isObject()) {
			throw McpException.invalidParams("A 2026-07-28 request needs params._meta with "
					+ META_PROTOCOL_VERSION + " and " + META_CLIENT_CAPABILITIES);
		}
		JsonNode version = meta.get(META_PROTOCOL_VERSION);
		if (version == null || !version.isString()) {
			throw McpException.invalidParams("params._meta needs a \"" + META_PROTOCOL_VERSION + "\" string");
		}
		JsonNode capabilities = meta.get(META_CLIENT_CAPABILITIES);
		if (capabilities == null || !capabilities.isObject()) {
			throw McpException.invalidParams("params._meta needs a \"" + META_CLIENT_CAPABILITIES + "\" object");
		}
		JsonNode clientInfo = meta.get(META_CLIENT_INFO);
		if (clientInfo != null && !clientInfo.isObject()) {
			throw McpException.invalidParams("params._meta \"" + META_CLIENT_INFO + "\" must be an object");
		}
		JsonNode logLevel = meta.get(META_LOG_LEVEL);
		LoggingLevel level = null;
		if (logLevel != null) {
			if (!logLevel.isString()) {
				throw McpException.invalidParams("params._meta \"" + META_LOG_LEVEL + "\" must be a string");
			}
			level = LoggingLevel.fromWireName(logLevel.stringValue());
		}
		return new RequestEnvelope(version.stringValue(), (ObjectNode) capabilities, clientInfo, level);
	}

	private static void checkHeader(UnaryOperator<@Nullable String> headers, String name, @Nullable String expected) {
		String value = headers.apply(name);
		if (value == null) {
			if (expected != null) {
				throw new McpException(HEADER_MISMATCH, "Header mismatch: the " + name + " header is required");
			}
			return;
		}
		if (!decodeHeaderValue(value).equals(expected)) {
			throw new McpException(HEADER_MISMATCH, "Header mismatch: " + name + " '" + value
					+ "' does not match the body" + ((expected != null) ? " ('" + expected + "')" : ""));
		}
	}

}
