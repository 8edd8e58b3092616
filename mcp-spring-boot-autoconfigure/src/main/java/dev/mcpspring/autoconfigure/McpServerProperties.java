package dev.mcpspring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the MCP endpoint and protocol server ({@code mcp.server}).
 */
@ConfigurationProperties("mcp.server")
public class McpServerProperties {

	/**
	 * Whether to serve MCP. When false there is no endpoint and nothing that only
	 * serves it.
	 */
	private boolean enabled = true;

	/**
	 * Name reported to clients in serverInfo. Defaults to spring.application.name.
	 */
	private @Nullable String name;

	/**
	 * Human-readable name reported to clients in serverInfo.
	 */
	private @Nullable String title;

	/**
	 * Version reported to clients in serverInfo.
	 */
	private String version = "1.0.0";

	/**
	 * Instructions sent to clients on initialize, describing how to use the server.
	 */
	private @Nullable String instructions;

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
	 * Maximum number of sessions kept. When a new session would exceed it, the least
	 * recently used session is ended to make room.
	 */
	private int maxSessions = 10_000;

	/**
	 * With the Redis store, how many sessions each instance caches at most (never more than
	 * max-sessions); 0 reads every session from Redis on each request.
	 */
	private int sessionCacheSize = 10_000;

	/**
	 * Largest serialized size of the capabilities and clientInfo a client sends on
	 * initialize; larger ones are refused with JSON-RPC error -32602.
	 */
	private DataSize maxClientInfoSize = DataSize.ofKilobytes(16);

	/**
	 * Maximum number of resource subscriptions of one session.
	 */
	private int maxSubscriptionsPerSession = 100;

	/**
	 * Maximum number of requests to the client (sampling, elicitation) one session,
	 * or one background task, may have waiting for an answer; beyond it, sending
	 * another fails at once.
	 */
	private int maxPendingClientRequests = 16;

	/**
	 * Maximum number of items in one page of a list result.
	 */
	private int pageSize = 100;

	/**
	 * How long the server waits for a client to answer its requests (sampling,
	 * elicitation).
	 */
	private Duration clientRequestTimeout = Duration.ofMinutes(5);

	/**
	 * How long the requestState of a 2026-07-28 input-required round stays valid: the
	 * client must retry within this time.
	 */
	private Duration requestStateTtl = Duration.ofMinutes(10);

	/**
	 * Maximum number of MCP calls (tools/call, resources/read, prompts/get,
	 * completion/complete, tasks/result) in flight on this server; more are refused
	 * at once with a JSON-RPC error.
	 */
	private int maxConcurrentCalls = 200;

	/**
	 * Maximum number of MCP calls in flight per session; more are refused at once
	 * with a JSON-RPC error.
	 */
	private int maxConcurrentCallsPerSession = 32;

	/**
	 * Maximum number of tools/call requests that run inline on the servlet
	 * container's threads at once, saving the hand-off to the starter's executor:
	 * only calls of a tool whose last 16 calls each took at most 2 ms; 0 runs every
	 * call on the executor.
	 */
	private int inlineCalls = 4;

	/**
	 * How long running MCP calls may finish on shutdown before they are cancelled.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(10);

	private final Listen listen = new Listen();

	private final Sse sse = new Sse();

	private final Json json = new Json();

	private final Cache cache = new Cache();

	private final OAuth oauth = new OAuth();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getTitle() {
		return this.title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public String getVersion() {
		return this.version;
	}

	public void setVersion(String version) {
		this.version = version;
	}

	public @Nullable String getInstructions() {
		return this.instructions;
	}

	public void setInstructions(@Nullable String instructions) {
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

	public int getMaxSessions() {
		return this.maxSessions;
	}

	public void setMaxSessions(int maxSessions) {
		Assert.isTrue(maxSessions > 0, "mcp.server.max-sessions must be positive");
		this.maxSessions = maxSessions;
	}

	public int getSessionCacheSize() {
		return this.sessionCacheSize;
	}

	public void setSessionCacheSize(int sessionCacheSize) {
		Assert.isTrue(sessionCacheSize >= 0, "mcp.server.session-cache-size must not be negative");
		this.sessionCacheSize = sessionCacheSize;
	}

	public DataSize getMaxClientInfoSize() {
		return this.maxClientInfoSize;
	}

	public void setMaxClientInfoSize(DataSize maxClientInfoSize) {
		Assert.isTrue(maxClientInfoSize.toBytes() > 0, "mcp.server.max-client-info-size must be positive");
		this.maxClientInfoSize = maxClientInfoSize;
	}

	public int getMaxSubscriptionsPerSession() {
		return this.maxSubscriptionsPerSession;
	}

	public void setMaxSubscriptionsPerSession(int maxSubscriptionsPerSession) {
		Assert.isTrue(maxSubscriptionsPerSession >= 0, "mcp.server.max-subscriptions-per-session must not be negative");
		this.maxSubscriptionsPerSession = maxSubscriptionsPerSession;
	}

	public int getMaxPendingClientRequests() {
		return this.maxPendingClientRequests;
	}

	public void setMaxPendingClientRequests(int maxPendingClientRequests) {
		Assert.isTrue(maxPendingClientRequests >= 0, "mcp.server.max-pending-client-requests must not be negative");
		this.maxPendingClientRequests = maxPendingClientRequests;
	}

	public int getPageSize() {
		return this.pageSize;
	}

	public void setPageSize(int pageSize) {
		Assert.isTrue(pageSize > 0, "mcp.server.page-size must be positive");
		this.pageSize = pageSize;
	}

	public Duration getClientRequestTimeout() {
		return this.clientRequestTimeout;
	}

	public void setClientRequestTimeout(Duration clientRequestTimeout) {
		this.clientRequestTimeout = clientRequestTimeout;
	}

	public Duration getRequestStateTtl() {
		return this.requestStateTtl;
	}

	public void setRequestStateTtl(Duration requestStateTtl) {
		Assert.isTrue(!requestStateTtl.isNegative() && !requestStateTtl.isZero(), "mcp.server.request-state-ttl must be positive");
		this.requestStateTtl = requestStateTtl;
	}

	public int getMaxConcurrentCalls() {
		return this.maxConcurrentCalls;
	}

	public void setMaxConcurrentCalls(int maxConcurrentCalls) {
		Assert.isTrue(maxConcurrentCalls > 0, "mcp.server.max-concurrent-calls must be positive");
		this.maxConcurrentCalls = maxConcurrentCalls;
	}

	public int getMaxConcurrentCallsPerSession() {
		return this.maxConcurrentCallsPerSession;
	}

	public void setMaxConcurrentCallsPerSession(int maxConcurrentCallsPerSession) {
		Assert.isTrue(maxConcurrentCallsPerSession > 0,
				"mcp.server.max-concurrent-calls-per-session must be positive");
		this.maxConcurrentCallsPerSession = maxConcurrentCallsPerSession;
	}

	public int getInlineCalls() {
		return this.inlineCalls;
	}

	public void setInlineCalls(int inlineCalls) {
		Assert.isTrue(inlineCalls >= 0, "mcp.server.inline-calls must not be negative");
		this.inlineCalls = inlineCalls;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public Sse getSse() {
		return this.sse;
	}

	public Json getJson() {
		return this.json;
	}

	public Cache getCache() {
		return this.cache;
	}

	/**
	 * Caching hints (ttlMs and cacheScope) on the results of protocol 2026-07-28
	 * requests that carry them, per feature. By default clients cache nothing (ttl 0)
	 * and only for themselves (private): tools, resources and prompts may be registered
	 * and removed while the application runs, and what a caller sees may depend on who
	 * it is.
	 */
	public static class Cache {

		/**
		 * Hints on server/discover results.
		 */
		private final CacheHint discover = new CacheHint();

		/**
		 * Hints on tools/list results.
		 */
		private final CacheHint tools = new CacheHint();

		/**
		 * Hints on prompts/list results.
		 */
		private final CacheHint prompts = new CacheHint();

		/**
		 * Hints on resources/list results.
		 */
		private final CacheHint resources = new CacheHint();

		/**
		 * Hints on resources/templates/list results.
		 */
		private final CacheHint resourceTemplates = new CacheHint();

		/**
		 * Hints on resources/read results.
		 */
		private final CacheHint resourceReads = new CacheHint();

		public CacheHint getDiscover() {
			return this.discover;
		}

		public CacheHint getTools() {
			return this.tools;
		}

		public CacheHint getPrompts() {
			return this.prompts;
		}

		public CacheHint getResources() {
			return this.resources;
		}

		public CacheHint getResourceTemplates() {
			return this.resourceTemplates;
		}

		public CacheHint getResourceReads() {
			return this.resourceReads;
		}

	}

	public Listen getListen() {
		return this.listen;
	}

	public OAuth getOauth() {
		return this.oauth;
	}

	/**
	 * MCP authorization when the application is an OAuth2 resource server.
	 */
	public static class OAuth {

		/**
		 * Whether the endpoint follows MCP's authorization rules when the application is
		 * an OAuth2 resource server: protected resource metadata, challenges, audience and
		 * scope checks.
		 */
		private boolean enabled = true;

		/**
		 * Canonical URL of the MCP endpoint, the protected resource's identifier: set it
		 * when clients reach the application through a proxy. Defaults to the URL of the
		 * request.
		 */
		private @Nullable String resource;

		/**
		 * Issuers of the authorization servers advertised in the protected resource
		 * metadata. Defaults to spring.security.oauth2.resourceserver.jwt.issuer-uri.
		 */
		private List<String> authorizationServers = new ArrayList<>();

		/**
		 * Scopes advertised in the protected resource metadata (beside those of the
		 * @McpScope declarations) and asked for in the challenge of a request without a
		 * token.
		 */
		private List<String> scopes = new ArrayList<>();

		/**
		 * Audiences a token must name one of (its aud claim). Defaults to the resource.
		 */
		private List<String> audiences = new ArrayList<>();

		/**
		 * Whether a token must name this resource (or one of the audiences) in its aud
		 * claim to reach the MCP endpoint.
		 */
		private boolean validateAudience = true;

		/**
		 * Whether tools/list, prompts/list, resources/list and resources/templates/list
		 * leave out what the caller's token lacks the @McpScope scopes for (lists then
		 * differ per caller: keep their cache scope private).
		 */
		private boolean hideUnauthorized;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getResource() {
			return this.resource;
		}

		public void setResource(@Nullable String resource) {
			this.resource = resource;
		}

		public List<String> getAuthorizationServers() {
			return this.authorizationServers;
		}

		public void setAuthorizationServers(List<String> authorizationServers) {
			this.authorizationServers = authorizationServers;
		}

		public List<String> getScopes() {
			return this.scopes;
		}

		public void setScopes(List<String> scopes) {
			this.scopes = scopes;
		}

		public List<String> getAudiences() {
			return this.audiences;
		}

		public void setAudiences(List<String> audiences) {
			this.audiences = audiences;
		}

		public boolean isHideUnauthorized() {
			return this.hideUnauthorized;
		}

		public void setHideUnauthorized(boolean hideUnauthorized) {
			this.hideUnauthorized = hideUnauthorized;
		}

		public boolean isValidateAudience() {
			return this.validateAudience;
		}

		public void setValidateAudience(boolean validateAudience) {
			this.validateAudience = validateAudience;
		}

	}

	/**
	 * The subscriptions/listen streams of protocol 2026-07-28.
	 */
	public static class Listen {

		/**
		 * Most listen streams one instance holds open at once; a listen request beyond
		 * it is refused with JSON-RPC error -32000.
		 */
		private int maxStreams = 1000;

		/**
		 * Most resource URIs one listen request may subscribe to; more are refused with
		 * JSON-RPC error -32602.
		 */
		private int maxResourceSubscriptions = 100;

		/**
		 * Longest resource URI a listen request may subscribe to, in characters.
		 */
		private int maxUriLength = 2048;

		/**
		 * Most task ids one listen request may name for task status notifications
		 * (the tasks extension); more are refused with JSON-RPC error -32602.
		 */
		private int maxTaskIds = 100;

		/**
		 * Interval of the SSE comments that keep an idle listen stream open (and find
		 * clients that have gone).
		 */
		private Duration keepAlive = Duration.ofSeconds(15);

		public int getMaxStreams() {
			return this.maxStreams;
		}

		public void setMaxStreams(int maxStreams) {
			Assert.isTrue(maxStreams >= 0, "mcp.server.listen.max-streams must not be negative");
			this.maxStreams = maxStreams;
		}

		public int getMaxResourceSubscriptions() {
			return this.maxResourceSubscriptions;
		}

		public void setMaxResourceSubscriptions(int maxResourceSubscriptions) {
			Assert.isTrue(maxResourceSubscriptions >= 0,
					"mcp.server.listen.max-resource-subscriptions must not be negative");
			this.maxResourceSubscriptions = maxResourceSubscriptions;
		}

		public int getMaxUriLength() {
			return this.maxUriLength;
		}

		public void setMaxUriLength(int maxUriLength) {
			Assert.isTrue(maxUriLength > 0, "mcp.server.listen.max-uri-length must be positive");
			this.maxUriLength = maxUriLength;
		}

		public int getMaxTaskIds() {
			return this.maxTaskIds;
		}

		public void setMaxTaskIds(int maxTaskIds) {
			Assert.isTrue(maxTaskIds >= 0, "mcp.server.listen.max-task-ids must not be negative");
			this.maxTaskIds = maxTaskIds;
		}

		public Duration getKeepAlive() {
			return this.keepAlive;
		}

		public void setKeepAlive(Duration keepAlive) {
			Assert.isTrue(!keepAlive.isNegative() && !keepAlive.isZero(), "mcp.server.listen.keep-alive must be positive");
			this.keepAlive = keepAlive;
		}

	}

	/**
	 * How long, and for whom, clients may cache one kind of result.
	 */
	public static class CacheHint {

		/** The largest ttl: the largest integer JSON clients read exactly, in ms. */
		private static final Duration MAX_TTL = Duration.ofMillis((1L << 53) - 1);

		/**
		 * How long a client may reuse a result (ttlMs). Zero: not at all.
		 */
		private Duration ttl = Duration.ZERO;

		/**
		 * Who may reuse a result (cacheScope): private, only the client that asked;
		 * public, any client, for results that are the same for every caller.
		 */
		private Scope scope = Scope.PRIVATE;

		public Duration getTtl() {
			return this.ttl;
		}

		public void setTtl(Duration ttl) {
			Assert.isTrue(!ttl.isNegative() && ttl.compareTo(MAX_TTL) <= 0,
					() -> "mcp.server.cache.*.ttl must be between 0 and " + MAX_TTL.toMillis() + "ms, not " + ttl);
			this.ttl = ttl;
		}

		public Scope getScope() {
			return this.scope;
		}

		public void setScope(Scope scope) {
			this.scope = scope;
		}

	}

	/**
	 * The cacheScope of a result.
	 */
	public enum Scope {

		/** Any client may reuse the result. */
		PUBLIC,

		/** Only the client that asked may reuse the result. */
		PRIVATE

	}

	/**
	 * Limits on the JSON of request bodies, beyond which a body is a parse error
	 * (-32700). Strings and the whole document are bounded by max-request-size.
	 */
	public static class Json {

		/**
		 * Deepest nesting of arrays and objects in a request body.
		 */
		private int maxDepth = 64;

		/**
		 * Most characters of a number in a request body.
		 */
		private int maxNumberLength = 1000;

		/**
		 * Most characters of a member name in a request body.
		 */
		private int maxNameLength = 1000;

		/**
		 * Most JSON tokens (values, names, starts and ends of arrays and objects)
		 * in a request body; bounds the memory a small body can take once parsed.
		 */
		private int maxTokens = 200_000;

		public int getMaxDepth() {
			return this.maxDepth;
		}

		public void setMaxDepth(int maxDepth) {
			Assert.isTrue(maxDepth >= 8, "mcp.server.json.max-depth must be at least 8");
			this.maxDepth = maxDepth;
		}

		public int getMaxNumberLength() {
			return this.maxNumberLength;
		}

		public void setMaxNumberLength(int maxNumberLength) {
			Assert.isTrue(maxNumberLength >= 20, "mcp.server.json.max-number-length must be at least 20");
			this.maxNumberLength = maxNumberLength;
		}

		public int getMaxNameLength() {
			return this.maxNameLength;
		}

		public void setMaxNameLength(int maxNameLength) {
			Assert.isTrue(maxNameLength >= 64, "mcp.server.json.max-name-length must be at least 64");
			this.maxNameLength = maxNameLength;
		}

		public int getMaxTokens() {
			return this.maxTokens;
		}

		public void setMaxTokens(int maxTokens) {
			Assert.isTrue(maxTokens >= 1000, "mcp.server.json.max-tokens must be at least 1000");
			this.maxTokens = maxTokens;
		}

	}

	/**
	 * Server-Sent Event streams.
	 */
	public static class Sse {

		/**
		 * How many events of each stream are kept, so that a client that lost its
		 * connection resumes it with Last-Event-ID and misses nothing.
		 */
		private int replayBuffer = 100;

		/**
		 * Reconnection delay sent to clients when the server closes a stream's
		 * connection.
		 */
		private Duration retry = Duration.ofSeconds(1);

		/**
		 * How long a server-to-client connection (HTTP GET) stays open before the
		 * client has to reconnect. Zero keeps it open until the client leaves.
		 */
		private Duration timeout = Duration.ofMinutes(10);

		/**
		 * How many events may wait for a client that reads an SSE stream (GET, or the
		 * SSE answer of a POST) slowly; one more closes its connection, and the
		 * client resumes with Last-Event-ID.
		 * Sending never waits for a client. At most replay-buffer, so that what was
		 * waiting can be replayed.
		 */
		private int sendBuffer = 32;

		public int getReplayBuffer() {
			return this.replayBuffer;
		}

		public void setReplayBuffer(int replayBuffer) {
			Assert.isTrue(replayBuffer > 0, "mcp.server.sse.replay-buffer must be positive");
			this.replayBuffer = replayBuffer;
		}

		public Duration getRetry() {
			return this.retry;
		}

		public void setRetry(Duration retry) {
			this.retry = retry;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public int getSendBuffer() {
			return this.sendBuffer;
		}

		public void setSendBuffer(int sendBuffer) {
			Assert.isTrue(sendBuffer > 0, "mcp.server.sse.send-buffer must be positive");
			this.sendBuffer = sendBuffer;
		}

	}

}
