package dev.mcpspring.abuse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.mcpspring.internal.docket.redis.RedisTestSupport;
import dev.mcpspring.internal.docket.redis.RequiresRedis;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the Redis store and {@code Authorization} propagated to background work, the
 * client's credentials are found neither in any key under the docket's prefix nor in
 * any message on its channels, nothing in Redis is Java-serialized, and the worker still
 * gets the header and the submitter's authentication (name and authorities). Real HTTP,
 * real Redis.
 */
@RequiresRedis
class NoSecretsInRedisTests {

	private final String name = RedisTestSupport.uniqueName("secrets");

	private final LettuceConnectionFactory factory = RedisTestSupport.connectionFactory();

	private ConfigurableApplicationContext application;

	@AfterEach
	void stop() {
		if (this.application != null) {
			this.application.close();
		}
		RedisTestSupport.deleteKeys(this.factory, this.name);
		this.factory.destroy();
	}

	@Test
	void propagatedAuthorizationIsNeitherStoredNorPublishedInTheClear() throws Exception {
		this.application = AbuseApplication.builder()
			.run("--server.port=0", "--mcp.docket.store=redis", "--mcp.docket.name=" + this.name,
					"--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=6379",
					"--mcp.tasks.encryption-key=" + RedisTestSupport.KEY_BASE64,
					"--mcp.tasks.propagated-headers=Authorization");
		int port = Integer.parseInt(this.application.getEnvironment().getProperty("local.server.port"));
		String credentials = Base64.getEncoder()
			.encodeToString(("alice:" + AbuseApplication.PASSWORD).getBytes(StandardCharsets.UTF_8));
		try (RedisContents.Subscription channels = RedisContents.subscribe(this.factory, this.name)) {
			McpTestClient alice = McpTestClient.forLocalServer(port).basicAuth("alice", AbuseApplication.PASSWORD);
			alice.connect();
			String digestTask = Tasks.create(alice, "authorization_digest", Map.of());
			String whoamiTask = Tasks.create(alice, "whoami", Map.of());
			JsonNode digest = Tasks.result(alice, digestTask).result();
			JsonNode whoami = Tasks.result(alice, whoamiTask).result();
			assertThat(digest.path("content").get(0).path("text").asString()).as("the worker got the header")
				.isEqualTo(sha256("Basic " + credentials));
			assertThat(whoami.path("content").get(0).path("text").asString())
				.as("the worker runs as the submitter, rebuilt from name and authorities")
				.startsWith("alice [")
				.contains("ROLE_AUDITOR", "ROLE_USER");
			List<String> stored = RedisContents.dump(this.factory, this.name);
			assertThat(stored).as("keys under the prefix").anyMatch((line) -> line.contains(":task:" + digestTask));
			assertThat(channels.messages()).as("messages on the channels").isNotEmpty();
			for (List<String> seen : List.of(stored, channels.messages())) {
				assertThat(seen).noneMatch((line) -> line.contains(credentials))
					.noneMatch((line) -> line.contains(AbuseApplication.PASSWORD))
					.noneMatch((line) -> line.contains("rO0AB"))
					.noneMatch((line) -> line.contains("aced0005"));
			}
			assertThat(channels.messages()).filteredOn((message) -> message.startsWith(this.name + ":events: "))
				.isNotEmpty()
				.allMatch((message) -> message.matches(
						"(?s)\\Q" + this.name
								+ "\\E:events: [A-Za-z0-9+/]+\\n[sc]\\n[0-9a-f]{16}\\n[0-9a-f]{32}\\n[a-z_]+(\\n\\{.*\\})?"),
						"id and status (and a finished run's task, checked above), with an HMAC");
		}
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
