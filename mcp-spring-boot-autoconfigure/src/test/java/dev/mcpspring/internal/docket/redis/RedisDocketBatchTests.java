package dev.mcpspring.internal.docket.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.unit.DataSize;

import dev.mcpspring.internal.docket.DocketLimits;
import dev.mcpspring.internal.docket.TaskFunctionRegistry;
import dev.mcpspring.internal.docket.Worker;
import dev.mcpspring.internal.docket.WorkerObserver;
import dev.mcpspring.internal.docket.redis.RedisDocket.Finish;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.tasks.ClaimedTask;
import dev.mcpspring.tasks.DocketListener;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskRefusedException;
import dev.mcpspring.tasks.TaskResult;
import dev.mcpspring.tasks.TaskSpec;
import dev.mcpspring.tasks.TaskStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@link RedisDocket}'s batches against a real Redis server: submissions of
 * concurrent callers sent together, claims that read and
 * start several tasks in one call, runs recorded together in one script call, and status
 * changes of other processes read together, each with the guarantees of one at a time.
 */
@RequiresRedis
class RedisDocketBatchTests {

	private static final Duration LEASE = Duration.ofMillis(600);

	private LettuceConnectionFactory factory;

	private String name;

	private final List<RedisDocket> dockets = new ArrayList<>();

	@BeforeEach
	void connect() {
		this.factory = RedisTestSupport.connectionFactory();
		this.name = RedisTestSupport.uniqueName("batch");
	}

	@AfterEach
	void disconnect() {
		this.dockets.forEach(RedisDocket::stop);
		RedisTestSupport.deleteKeys(this.factory, this.name);
		this.factory.destroy();
	}

	private RedisDocket docket() {
		return docket(DocketLimits.DEFAULTS);
	}

	private RedisDocket docket(DocketLimits limits) {
		RedisDocket docket = new RedisDocket(this.factory, McpJson.mapper(), this.name, Duration.ofHours(1), LEASE,
				RedisTestSupport.KEY, limits);
		docket.start();
		this.dockets.add(docket);
		return docket;
	}

	private static TaskSpec spec() {
		return TaskSpec.builder("work").owner("session:a").build();
	}

	private static TaskResult completed(String text) {
		return TaskResult.completed(McpJson.mapper().createObjectNode().put("text", text));
	}

	@Test
	void busyStreamIsClaimedInBatchesWithEveryTaskOnce() throws Exception {
		RedisDocket docket = docket();
		List<String> submitted = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			submitted.add(docket.submit(spec()).id());
		}
		List<String> claimed = new ArrayList<>();
		// A full read leaves the stream looking busy: the next claims read in the script
		for (int i = 0; i < 3; i++) {
			List<ClaimedTask> batch = docket.claim("w1", 2, Duration.ofSeconds(5));
			assertThat(batch).hasSize((i < 2) ? 2 : 1);
			batch.forEach((task) -> claimed.add(task.task().id()));
		}
		assertThat(claimed).containsExactlyInAnyOrderElementsOf(submitted);
		assertThat(docket.claim("w1", 2, Duration.ofMillis(200))).isEmpty();
		assertThat(docket.runningCount()).isEqualTo(5);
		assertThat(docket.queuedCount()).isZero();
	}

	@Test
	void concurrentSubmissionsKeepTheirIdempotencyKeyAndTheOwnersLimit() throws Exception {
		RedisDocket docket = docket(new DocketLimits(5, 100, DataSize.ofMegabytes(1), DataSize.ofMegabytes(1), 5, 100));
		ExecutorService executor = Executors.newFixedThreadPool(16);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<String>> keyed = new ArrayList<>();
			List<Future<String>> limited = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				keyed.add(executor.submit(() -> {
					start.await();
					return docket.submit(TaskSpec.builder("work").owner("session:keyed").idempotencyKey("once").build())
						.id();
				}));
				limited.add(executor.submit(() -> {
					start.await();
					try {
						return docket.submit(TaskSpec.builder("work").owner("session:limited").build()).id();
					}
					catch (TaskRefusedException ex) {
						return "refused";
					}
				}));
			}
			start.countDown();
			Set<String> keyedIds = new HashSet<>();
			for (Future<String> id : keyed) {
				keyedIds.add(id.get(10, TimeUnit.SECONDS));
			}
			List<String> limitedIds = new ArrayList<>();
			for (Future<String> id : limited) {
				limitedIds.add(id.get(10, TimeUnit.SECONDS));
			}
			assertThat(keyedIds).hasSize(1);
			assertThat(limitedIds).filteredOn((id) -> !id.equals("refused")).hasSize(5).doesNotHaveDuplicates();
			assertThat(docket.queuedCount()).isEqualTo(6);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void batchWhereOneLeaseWentStaleRecordsTheOthersExactlyOnce() throws Exception {
		RedisDocket workerA = docket();
		RedisDocket workerB = docket();
		RedisDocket web = docket();
		Map<String, AtomicInteger> heard = new ConcurrentHashMap<>();
		web.addListener(new DocketListener() {

			@Override
			public void onStatusChanged(TaskInfo task, boolean local) {
				if (task.status() == TaskStatus.COMPLETED) {
					heard.computeIfAbsent(task.id(), (id) -> new AtomicInteger()).incrementAndGet();
				}
			}

		});
		for (int i = 0; i < 3; i++) {
			web.submit(spec());
		}
		List<ClaimedTask> claimed = workerA.claim("a", 3, Duration.ofSeconds(5));
		assertThat(claimed).hasSize(3);
		Thread.sleep(LEASE.toMillis() + 100);
		workerA.heartbeat("a", claimed.subList(0, 2));
		List<ClaimedTask> redelivered = workerB.claim("b", 3, Duration.ofSeconds(5));
		assertThat(redelivered).extracting((task) -> task.task().id()).containsExactly(claimed.get(2).task().id());

		List<Finish> finishes = new ArrayList<>();
		claimed.forEach((task) -> finishes.add(new Finish(task, completed("a"), Instant.now(), null)));
		List<List<?>> replies = workerA.finishAll(finishes);
		assertThat(replies).extracting((reply) -> (Object) reply.get(0)).containsExactly(1L, 1L, 0L);
		TaskInfo first = web.get(claimed.get(0).task().id()).orElseThrow();
		assertThat(first.status()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(first.result().get("text").asString()).isEqualTo("a");
		assertThat(web.get(claimed.get(1).task().id()).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(web.get(claimed.get(2).task().id()).orElseThrow().status()).isEqualTo(TaskStatus.WORKING);

		// The same batch again, as after a lost reply: answered as before, recorded once
		assertThat(workerA.finishAll(finishes)).extracting((reply) -> (Object) reply.get(0)).containsExactly(1L, 1L, 0L);
		assertThat(web.get(first.id()).orElseThrow().finishedAt()).isEqualTo(first.finishedAt());

		workerB.finish(redelivered.get(0), completed("b"));
		TaskInfo third = web.get(claimed.get(2).task().id()).orElseThrow();
		assertThat(third.status()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(third.result().get("text").asString()).isEqualTo("b");
		assertThat(web.runningCount()).isZero();
		assertThat(web.queuedCount()).isZero();

		// Events are heard in order: once the last task's is, any repeat would have been
		TaskInfo last = web.submit(spec());
		ClaimedTask lastClaimed = workerA.claim("a", 1, Duration.ofSeconds(5)).get(0);
		workerA.finish(lastClaimed, completed("last"));
		await().until(() -> heard.containsKey(last.id()));
		assertThat(heard).hasSize(4).allSatisfy((id, count) -> assertThat(count).hasValue(1));
	}

	@Test
	void workerRecordsEveryRunOnceWhenRunsEndTogether() throws Exception {
		RedisDocket workerDocket = docket();
		RedisDocket web = docket();
		Map<String, AtomicInteger> heard = new ConcurrentHashMap<>();
		web.addListener(new DocketListener() {

			@Override
			public void onStatusChanged(TaskInfo task, boolean local) {
				if (task.status().isTerminal()) {
					heard.computeIfAbsent(task.id(), (id) -> new AtomicInteger()).incrementAndGet();
				}
			}

		});
		TaskFunctionRegistry functions = new TaskFunctionRegistry();
		AtomicInteger runs = new AtomicInteger();
		functions.register("work", (task, execution) -> {
			runs.incrementAndGet();
			return completed(task.id());
		});
		Worker worker = new Worker("w", workerDocket, functions,
				new Worker.Settings(16, LEASE, Duration.ofSeconds(5), false), WorkerObserver.NONE);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			ids.add(web.submit(TaskSpec.builder("work").build()).id());
		}
		worker.start();
		try {
			await().until(() -> heard.size() == ids.size());
		}
		finally {
			worker.stop();
		}
		assertThat(heard.keySet()).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(heard.values()).allSatisfy((count) -> assertThat(count).hasValue(1));
		assertThat(runs).hasValue(ids.size());
		for (String id : ids) {
			TaskInfo task = web.get(id).orElseThrow();
			assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
			assertThat(task.result().get("text").asString()).isEqualTo(id);
			assertThat(task.attempts()).isEqualTo(1);
		}
		assertThat(web.runningCount()).isZero();
		assertThat(web.queuedCount()).isZero();
	}

}
