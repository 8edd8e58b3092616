package dev.mcpspring.server.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.mcpspring.protocol.LoggingLevel;
import dev.mcpspring.server.McpSession;
import dev.mcpspring.server.McpSessionStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link McpSessionStore} in Redis, shared by every instance of an application, so that
 * a client may send each request to any instance. A session is a JSON string under
 * {@code <name>:session:<id>} that expires when it has been idle for the session timeout;
 * each use renews it ({@code GETEX}). Deleting it ends the session on every instance.
 */
public class RedisMcpSessionStore implements McpSessionStore {

	private final StringRedisTemplate redis;

	private final ObjectMapper mapper;

	private final String prefix;

	private final Duration timeout;

	/**
	 * Creates a store.
	 * @param connectionFactory connects to Redis
	 * @param mapper writes sessions as JSON
	 * @param name the prefix of the keys
	 * @param timeout how long a session may stay idle before it expires
	 */
	public RedisMcpSessionStore(RedisConnectionFactory connectionFactory, ObjectMapper mapper, String name,
			Duration timeout) {
		this.redis = new StringRedisTemplate(connectionFactory);
		this.mapper = mapper;
		this.prefix = name + ":session:";
		this.timeout = timeout;
	}

	@Override
	public void save(McpSession session) {
		this.redis.opsForValue().set(this.prefix + session.id(), write(session), this.timeout);
	}

	@Override
	public Optional<McpSession> find(String id) {
		String json = this.redis.opsForValue().getAndExpire(this.prefix + id, this.timeout);
		return (json != null) ? Optional.of(read(json)) : Optional.empty();
	}

	@Override
	public boolean isLive(String id) {
		return Boolean.TRUE.equals(this.redis.hasKey(this.prefix + id));
	}

	@Override
	public boolean delete(String id) {
		return Boolean.TRUE.equals(this.redis.delete(this.prefix + id));
	}

	private String write(McpSession session) {
		ObjectNode json = this.mapper.createObjectNode();
		json.put("id", session.id());
		json.put("protocolVersion", session.protocolVersion());
		json.set("clientInfo", session.clientInfo());
		json.set("clientCapabilities", session.clientCapabilities());
		json.put("logLevel", (session.logLevel() != null) ? session.logLevel().wireName() : null);
		json.put("createdAt", session.createdAt().toString());
		return this.mapper.writeValueAsString(json);
	}

	private McpSession read(String text) {
		JsonNode json = this.mapper.readTree(text);
		String level = text(json, "logLevel");
		return new McpSession(text(json, "id"), text(json, "protocolVersion"), node(json, "clientInfo"),
				node(json, "clientCapabilities"), (level != null) ? LoggingLevel.fromWireName(level) : null,
				Instant.parse(text(json, "createdAt")));
	}

	private static JsonNode node(JsonNode json, String field) {
		JsonNode value = json.get(field);
		return (value != null && !value.isNull()) ? value : null;
	}

	private static String text(JsonNode json, String field) {
		JsonNode value = node(json, field);
		return (value != null) ? value.asString() : null;
	}

}
