package dev.mcpspring.scaleout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.types.RedisClientInfo;
import org.springframework.util.FileSystemUtils;

import dev.mcpspring.internal.docket.DocketLimits;
import dev.mcpspring.internal.docket.TaskFunctionRegistry;
import dev.mcpspring.internal.docket.Worker;
import dev.mcpspring.internal.docket.WorkerObserver;
import dev.mcpspring.internal.docket.redis.PrivateRedisServer;
import dev.mcpspring.internal.docket.redis.RedisDocket;
import dev.mcpspring.internal.docket.redis.RedisServerCondition;
import dev.mcpspring.internal.docket.redis.RedisTestSupport;
import dev.mcpspring.internal.docket.redis.RequiresRedis;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskResult;
import dev.mcpspring.tasks.TaskSpec;
import dev.mcpspring.tasks.TaskStatus;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis connections that drop, and a Redis server that restarts, while tasks are queued
 * and running: the workers reconnect and carry on, and no task is lost. Each "process"
 * is a docket with a connection factory of its own (and a worker), in this JVM.
 */
@RequiresRedis
class RedisConnectionFaultTests {

	private static final Duration LEASE = Duration.ofSeconds(2);

	private final String name = RedisTestSupport.uniqueName("connections");

	private final String clientName = "mcp-fault-" + Integer.toHexString(this.name.hashCode());

	private final List<AutoCloseable> resources = new ArrayList<>();

	private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

	private LettuceConnectionFactory admin;

	@AfterEach
	void close() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
		if (this.admin != null) {
			RedisTestSupport.deleteKeys(this.admin, this.name);
			this.admin.destroy();
		}
	}

	private LettuceConnectionFactory namedFactory(int port) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(RedisServerCondition.HOST, port),
				LettuceClientConfiguration.builder().clientName(this.clientName).build());
		factory.afterPropertiesSet();
		factory.start();
		this.resources.add(factory::destroy);
		return factory;
	}

	private RedisDocket docket(LettuceConnectionFactory factory) {
		RedisDocket docket = new RedisDocket(factory, McpJson.mapper(), this.name, Duration.ofHours(1), LEASE,
				RedisTestSupport.KEY, DocketLimits.DEFAULTS);
		docket.start();
		this.resources.add(docket::stop);
		return docket;
	}

	private void worker(String id, RedisDocket docket) {
		TaskFunctionRegistry functions = new TaskFunctionRegistry();
		functions.register("sleep", (task, execution) -> {
			Thread.sleep(task.arguments().path("ms").asLong());
			this.runs.computeIfAbsent(task.id(), (key) -> new AtomicInteger()).incrementAndGet();
			return TaskResult.completed(JsonNodeFactory.instance.objectNode().put("worker", id));
		});
		Worker worker = new Worker(id, docket, functions,
				new Worker.Settings(4, LEASE, Duration.ofSeconds(1), false), WorkerObserver.NONE);
		worker.start();
		this.resources.add(worker::stop);
	}

	private static TaskSpec sleep(long ms) {
		return TaskSpec.builder("sleep").arguments(Map.of("ms", ms)).build();
	}

	private int killClients(LettuceConnectionFactory admin) {
		int killed = 0;
		try (RedisConnection connection = admin.getConnection()) {
			for (RedisClientInfo client : connection.serverCommands().getClientList()) {
				if (this.clientName.equals(client.getName())) {
					String[] address = client.getAddressPort().split(":");
					connection.serverCommands().killClient(address[0], Integer.parseInt(address[1]));
					killed++;
				}
			}
		}
		return killed;
	}

	private void assertAllCompleted(RedisDocket docket, List<TaskInfo> tasks, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		for (TaskInfo task : tasks) {
			Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
			TaskInfo done = docket.await(task.id(), left).orElseThrow();
			assertThat(done.status()).as("task %s", task.id()).isEqualTo(TaskStatus.COMPLETED);
			assertThat(this.runs.get(task.id())).as("runs of %s", task.id()).isNotNull();
		}
	}

	private int duplicates() {
		return this.runs.values().stream().mapToInt((count) -> count.get() - 1).sum();
	}

	@Test
	void droppedConnectionsAreReconnectedAndNoTaskIsLost() throws Exception {
		this.admin = RedisTestSupport.connectionFactory();
		RedisDocket submitter = docket(namedFactory(RedisServerCondition.PORT));
		worker("a", docket(namedFactory(RedisServerCondition.PORT)));
		worker("b", docket(namedFactory(RedisServerCondition.PORT)));
		List<TaskInfo> tasks = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			tasks.add(submitter.submit(sleep(100)));
		}
		int killed = 0;
		long start = System.nanoTime();
		for (int round = 0; round < 3; round++) {
			TimeUnit.MILLISECONDS.sleep(150);
			killed += killClients(this.admin);
			tasks.add(submitter.submit(sleep(100)));
		}
		for (int i = 0; i < 10; i++) {
			tasks.add(submitter.submit(sleep(50)));
		}
		assertAllCompleted(submitter, tasks, Duration.ofSeconds(30));
		this.runs.forEach((id, count) -> {
			if (count.get() > 1) {
				System.out.println("Ran " + count.get() + " times (at least once): " + submitter.get(id).orElseThrow());
			}
		});
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(killed).isGreaterThanOrEqualTo(9);
		killed += killClients(this.admin);
		TimeUnit.MILLISECONDS.sleep(500);
		long afterKill = System.nanoTime();
		TaskInfo probe = submitter.submit(sleep(10));
		assertThat(submitter.await(probe.id(), Duration.ofSeconds(10)).orElseThrow().status())
			.isEqualTo(TaskStatus.COMPLETED);
		long probeMillis = (System.nanoTime() - afterKill) / 1_000_000;
		assertThat(probeMillis).as("completion heard through the resubscribed channel, not the 5s recheck")
			.isLessThan(2500);
		System.out.printf("CLIENT KILL of %d connections in 4 rounds while 53 tasks were queued and running: "
				+ "all completed in %d ms, %d run twice; a task submitted after the last kill was claimed, run "
				+ "and heard finished through the resubscribed channel in %d ms%n", killed, millis, duplicates(),
				probeMillis);
	}

	@Test
	void queuedTasksSurviveARestartOfRedisWithPersistence() throws Exception {
		String server = PrivateRedisServer.executable("the restart test");
		int port = PrivateRedisServer.freePort();
		Path dir = Files.createTempDirectory("mcp-redis-aof");
		this.resources.add(() -> FileSystemUtils.deleteRecursively(dir));
		List<String> command = List.of(server, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir",
				dir.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--daemonize", "no");
		Process redis = PrivateRedisServer.start(command, port);
		this.admin = RedisTestSupport.connectionFactory(port);
		RedisDocket submitter = docket(namedFactory(port));
		worker("a", docket(namedFactory(port)));
		List<TaskInfo> tasks = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			tasks.add(submitter.submit(sleep(200)));
		}
		TimeUnit.MILLISECONDS.sleep(300);
		long queued = submitter.queuedCount();
		long running = submitter.runningCount();
		redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		TimeUnit.MILLISECONDS.sleep(1000);
		long restartedAt = System.nanoTime();
		redis = PrivateRedisServer.start(command, port);
		assertAllCompleted(submitter, tasks, Duration.ofSeconds(40));
		long millis = (System.nanoTime() - restartedAt) / 1_000_000;
		assertThat(queued).isGreaterThan(0);
		System.out.printf("kill -9 and restart of Redis (appendonly yes, appendfsync always) with %d tasks queued "
				+ "and %d running: all 20 completed %d ms after the restart, %d run twice%n", queued, running, millis,
				duplicates());
		this.admin.destroy();
		this.admin = null;
		Process last = redis;
		this.resources.add(0, () -> last.destroyForcibly().waitFor(10, TimeUnit.SECONDS));
	}

	@Test
	void docketStartedWhileRedisIsDownCatchesUpWhenRedisComesUp() throws Exception {
		String server = PrivateRedisServer.executable("the restart test");
		int port = PrivateRedisServer.freePort();
		RedisDocket early = docket(namedFactory(port));
		List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
		early.addListener(new dev.mcpspring.tasks.DocketListener() {

			@Override
			public void onStatusChanged(TaskInfo task, boolean local) {
				heard.add(task.status().wireName() + (local ? " local" : " remote"));
			}

		});
		worker("early", early);
		Process redis = PrivateRedisServer.start(List.of(server, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save",
				"", "--appendonly", "no", "--daemonize", "no"), port);
		this.resources.add(0, () -> redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS));
		RedisDocket late = docket(namedFactory(port));
		TaskInfo task = late.submit(sleep(10));
		assertThat(late.await(task.id(), Duration.ofSeconds(15)).orElseThrow().status()).as("run by the early worker")
			.isEqualTo(TaskStatus.COMPLETED);
		assertThat(this.runs).containsKey(task.id());
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!heard.contains("cancelled remote") && System.nanoTime() < deadline) {
			TaskInfo scheduled = late.submit(TaskSpec.builder("sleep").runAfter(Duration.ofHours(1)).build());
			late.cancel(scheduled.id(), "probe");
			TimeUnit.MILLISECONDS.sleep(200);
		}
		assertThat(heard).as("events from another process, once subscribed").contains("cancelled remote");
	}

}
