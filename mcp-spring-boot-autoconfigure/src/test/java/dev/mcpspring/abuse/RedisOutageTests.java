package dev.mcpspring.abuse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import dev.mcpspring.internal.docket.redis.PrivateRedisServer;
import dev.mcpspring.internal.docket.redis.RedisTestSupport;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While Redis is down, MCP requests get HTTP 503 with a JSON-RPC error within about the
 * Redis timeout the starter sets (not a 500, not the client's 60 s default), the health
 * is DOWN, and the queued task is still there when Redis is back. Runs a redis-server of
 * its own on a free port (with an append-only file), never the shared one.
 */
class RedisOutageTests {

	private final String name = RedisTestSupport.uniqueName("outage");

	private final List<AutoCloseable> resources = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void close() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	@Test
	void outageAnswersFastWith503AndHealthDownAndQueuedTasksSurvive() throws Exception {
		String server = PrivateRedisServer.executable("the outage test");
		int redisPort = PrivateRedisServer.freePort();
		Path dir = Files.createTempDirectory("mcp-abuse-redis");
		this.resources.add(() -> FileSystemUtils.deleteRecursively(dir));
		List<String> command = List.of(server, "--port", Integer.toString(redisPort), "--bind", "127.0.0.1", "--dir",
				dir.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--daemonize", "no");
		Process redis = PrivateRedisServer.start(command, redisPort);
		ConfigurableApplicationContext application = AbuseApplication.builder()
			.run("--server.port=0", "--mcp.docket.store=redis", "--mcp.docket.name=" + this.name,
					"--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redisPort,
					"--mcp.tasks.encryption-key=" + RedisTestSupport.KEY_BASE64, "--mcp.worker.enabled=false",
					"--management.endpoint.health.show-details=always");
		this.resources.add(application::close);
		int port = Integer.parseInt(application.getEnvironment().getProperty("local.server.port"));
		McpTestClient client = McpTestClient.forLocalServer(port);
		client.connect();
		String queued = Tasks.create(client, "whoami", Map.of());
		assertThat(health(port)).isEqualTo(200);

		redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		long start = System.nanoTime();
		McpResponse answer = client.request("tasks/get", Map.of("taskId", queued));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(answer.status()).isEqualTo(503);
		assertThat(answer.isJson()).isTrue();
		JsonNode error = answer.json().path("error");
		assertThat(error.path("code").asInt()).isEqualTo(-32000);
		assertThat(error.path("message").asString()).contains("unavailable; retry later");
		assertThat(answer.body()).doesNotContain("Exception");
		assertThat(took).as("about the 2 s Redis timeout, far below the client's 60 s default")
			.isLessThan(Duration.ofSeconds(10));
		McpResponse call = Tasks.call(client, "whoami", Map.of());
		assertThat(call.status()).isEqualTo(503);
		assertThat(health(port)).as("health DOWN").isEqualTo(503);

		Process restarted = PrivateRedisServer.start(command, redisPort);
		this.resources.add(() -> restarted.destroyForcibly().waitFor(10, TimeUnit.SECONDS));
		await().atMost(Duration.ofSeconds(30)).until(() -> health(port) == 200);
		assertThat(Tasks.get(client, queued).path("status").asString()).as("the queued task survived")
			.isEqualTo("working");
		System.out.printf("Redis down: tasks/get answered 503 in %d ms%n", took.toMillis());
	}

	private int health(int port) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
					.timeout(Duration.ofSeconds(20))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		return response.statusCode();
	}

}
