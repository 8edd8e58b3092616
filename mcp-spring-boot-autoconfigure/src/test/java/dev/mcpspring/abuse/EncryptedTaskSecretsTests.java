package dev.mcpspring.abuse;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.mcpspring.autoconfigure.McpEncryptionKeyException;
import dev.mcpspring.autoconfigure.McpRedisAutoConfiguration;
import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.autoconfigure.McpTasksAutoConfiguration;
import dev.mcpspring.internal.docket.redis.RedisTestSupport;
import dev.mcpspring.internal.docket.redis.RequiresRedis;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Propagated headers and the submitter's authentication are encrypted in Redis under
 * {@code mcp.tasks.encryption-key}: a task whose encrypted data was changed, replaced
 * with plain data, or written under another key fails with a clear error and never
 * runs; without a key the Redis store does not start. Real HTTP, real Redis, a web node
 * and separate worker nodes in this JVM.
 */
@RequiresRedis
class EncryptedTaskSecretsTests {

	private static final String OTHER_KEY = "b3RoZXItYXBwbGljYXRpb24ta2V5LTMyLWJ5dGVzISE=";

	private final String name = RedisTestSupport.uniqueName("encrypted");

	private final LettuceConnectionFactory factory = RedisTestSupport.connectionFactory();

	private ConfigurableApplicationContext web;

	@AfterEach
	void stop() {
		if (this.web != null) {
			this.web.close();
		}
		RedisTestSupport.deleteKeys(this.factory, this.name);
		this.factory.destroy();
	}

	private String[] redis(String key, String... more) {
		String[] base = { "--mcp.docket.store=redis", "--mcp.docket.name=" + this.name,
				"--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=6379",
				"--mcp.tasks.encryption-key=" + key, "--mcp.tasks.propagated-headers=Authorization" };
		String[] args = new String[base.length + more.length];
		System.arraycopy(base, 0, args, 0, base.length);
		System.arraycopy(more, 0, args, base.length, more.length);
		return args;
	}

	private JsonNode runOnWorker(String key, String taskId, McpTestClient client) {
		try (ConfigurableApplicationContext worker = AbuseApplication.builder()
			.run(redis(key, "--spring.main.web-application-type=none", "--mcp.server.enabled=false",
					"--mcp.worker.enabled=true"))) {
			return Tasks.awaitFinished(client, taskId);
		}
	}

	private void changeSecrets(String taskId, java.util.function.UnaryOperator<String> change) {
		StringRedisTemplate redis = new StringRedisTemplate(this.factory);
		String key = this.name + ":task:" + taskId;
		ObjectNode spec = (ObjectNode) McpJson.mapper().readTree((String) redis.opsForHash().get(key, "spec"));
		ObjectNode metadata = (ObjectNode) spec.get("metadata");
		String secrets = metadata.get("mcp.secrets").asString();
		assertThat(secrets).startsWith("v1.");
		metadata.put("mcp.secrets", change.apply(secrets));
		redis.opsForHash().put(key, "spec", McpJson.mapper().writeValueAsString(spec));
	}

	@Test
	void changedOrForeignOrPlainSecretsFailTheTaskWithoutRunningIt() {
		this.web = AbuseApplication.builder().run(redis(RedisTestSupport.KEY_BASE64, "--server.port=0",
				"--mcp.worker.enabled=false"));
		int port = Integer.parseInt(this.web.getEnvironment().getProperty("local.server.port"));
		McpTestClient alice = McpTestClient.forLocalServer(port).basicAuth("alice", AbuseApplication.PASSWORD);
		alice.connect();
		String tampered = Tasks.create(alice, "authorization_digest", Map.of());
		changeSecrets(tampered, (sealed) -> {
			int at = sealed.length() - 30;
			char flipped = (sealed.charAt(at) == 'A') ? 'B' : 'A';
			return sealed.substring(0, at) + flipped + sealed.substring(at + 1);
		});
		String plain = Tasks.create(alice, "whoami", Map.of());
		changeSecrets(plain, (sealed) -> "{\"authentication\":{\"name\":\"admin\",\"authorities\":[\"ROLE_ADMIN\"]}}");
		String intact = Tasks.create(alice, "authorization_digest", Map.of());
		JsonNode first = runOnWorker(RedisTestSupport.KEY_BASE64, tampered, alice);
		assertThat(first.path("status").asString()).isEqualTo("failed");
		assertThat(first.path("statusMessage").asString()).contains("failed authentication");
		JsonNode second = Tasks.awaitFinished(alice, plain);
		assertThat(second.path("status").asString()).isEqualTo("failed");
		assertThat(second.path("statusMessage").asString()).contains("not encrypted");
		assertThat(Tasks.get(alice, intact).path("status").asString()).as("run by the same worker")
			.isEqualTo("completed");
		String foreign = Tasks.create(alice, "authorization_digest", Map.of());
		JsonNode third = runOnWorker(OTHER_KEY, foreign, alice);
		assertThat(third.path("status").asString()).isEqualTo("failed");
		assertThat(third.path("statusMessage").asString()).contains("another mcp.tasks.encryption-key")
			.doesNotContain(OTHER_KEY)
			.doesNotContain(RedisTestSupport.KEY_BASE64);
	}

	@Test
	void redisStoreWithoutAKeyFailsAtStartupSayingHowToMakeOne() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, McpRedisAutoConfiguration.class,
					McpServerAutoConfiguration.class, McpTasksAutoConfiguration.class))
			.withPropertyValues("mcp.docket.store=redis", "mcp.docket.name=" + this.name,
					"mcp.tasks.propagated-headers=Authorization");
		runner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(McpEncryptionKeyException.class)
				.hasMessageContaining("mcp.tasks.encryption-key")
				.hasMessageContaining("openssl rand -base64 32");
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("mcp.tasks.encryption-key is not set");
			assertThat(analysis.getAction()).contains("openssl rand -base64 32");
		});
		runner.withPropertyValues("mcp.tasks.encryption-key=c2hvcnQ=").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(McpEncryptionKeyException.class)
				.hasMessageContaining("16, 24 or 32")
				.hasMessageNotContaining("c2hvcnQ=");
		});
	}

	private static FailureAnalysis analyze(Throwable failure) {
		for (FailureAnalyzer analyzer : SpringFactoriesLoader.forDefaultResourceLocation(
				EncryptedTaskSecretsTests.class.getClassLoader()).load(FailureAnalyzer.class, (type, name, ex) -> {
				})) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis;
			}
		}
		throw new AssertionError("No failure analysis for " + failure);
	}

}
