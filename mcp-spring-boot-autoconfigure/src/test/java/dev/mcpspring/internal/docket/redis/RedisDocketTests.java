package dev.mcpspring.internal.docket.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.unit.DataSize;

import dev.mcpspring.internal.docket.DocketLimits;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.tasks.ClaimedTask;
import dev.mcpspring.tasks.DocketListener;
import dev.mcpspring.tasks.RetryPolicy;
import dev.mcpspring.tasks.TaskError;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskPage;
import dev.mcpspring.tasks.TaskRefusedException;
import dev.mcpspring.tasks.TaskResult;
import dev.mcpspring.tasks.TaskSpec;
import dev.mcpspring.tasks.TaskStatus;
import tools.jackson.databind.node.ObjectNode;

import static dev.mcpspring.internal.docket.TaskInputs.answer;
import static dev.mcpspring.internal.docket.TaskInputs.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The {@link RedisDocket} against a real Redis server, with the semantics of the
 * in-memory docket. Two docket instances on the same name stand for two processes.
 */
@RequiresRedis
class RedisDocketTests {

	private static final Duration LEASE = Duration.ofMillis(600);

	private LettuceConnectionFactory factory;

	private String name;

	private final List<RedisDocket> dockets = new ArrayList<>();

	@BeforeEach
	void connect() {
		this.factory = RedisTestSupport.connectionFactory();
		this.name = RedisTestSupport.uniqueName("docket");
	}

	@AfterEach
	void disconnect() {
		this.dockets.forEach(RedisDocket::stop);
		RedisTestSupport.deleteKeys(this.factory, this.name);
		this.factory.destroy();
	}

	private RedisDocket docket() {
		return docket(LEASE);
	}

	private RedisDocket docket(Duration lease) {
		return docket(lease, DocketLimits.DEFAULTS);
	}

	private RedisDocket docket(Duration lease, DocketLimits limits) {
		RedisDocket docket = new RedisDocket(this.factory, McpJson.mapper(), this.name, Duration.ofHours(1), lease,
				RedisTestSupport.KEY, limits);
		docket.start();
		this.dockets.add(docket);
		return docket;
	}

	private static TaskSpec.Builder spec() {
		return TaskSpec.builder("work").arguments(Map.of("n", 1)).owner("session:a").metadata("mcp.session", "a");
	}

	private static ClaimedTask claimOne(RedisDocket docket, String worker) throws InterruptedException {
		List<ClaimedTask> claimed = docket.claim(worker, 1, Duration.ofSeconds(5));
		assertThat(claimed).hasSize(1);
		return claimed.get(0);
	}

	private static TaskResult completed(String text) {
		ObjectNode result = McpJson.mapper().createObjectNode().put("text", text);
		return TaskResult.completed(result);
	}

	@Test
	void submittedTaskIsClaimedRunAndFinished() throws Exception {
		RedisDocket docket = docket();
		List<TaskInfo> told = new CopyOnWriteArrayList<>();
		docket.addListener(statusChanges(told));
		TaskInfo submitted = docket.submit(spec().build());
		assertThat(submitted.status()).isEqualTo(TaskStatus.WORKING);
		assertThat(docket.get(submitted.id())).get().satisfies((task) -> {
			assertThat(task.function()).isEqualTo("work");
			assertThat(task.arguments().get("n").asInt()).isEqualTo(1);
			assertThat(task.metadata()).containsEntry("mcp.session", "a");
			assertThat(task.createdAt()).isEqualTo(submitted.createdAt());
			assertThat(task.ttl()).isEqualTo(Duration.ofHours(1));
		});
		ClaimedTask claimed = claimOne(docket, "w1");
		assertThat(claimed.task().id()).isEqualTo(submitted.id());
		assertThat(claimed.task().attempts()).isEqualTo(1);
		assertThat(docket.runningCount()).isEqualTo(1);
		docket.progress(claimed, 1.0, 2.0, "half");
		assertThat(docket.get(submitted.id())).get().satisfies((task) -> {
			assertThat(task.progress()).isEqualTo(1.0);
			assertThat(task.total()).isEqualTo(2.0);
			assertThat(task.statusMessage()).isEqualTo("half");
		});
		docket.finish(claimed, completed("done"));
		TaskInfo finished = docket.get(submitted.id()).orElseThrow();
		assertThat(finished.status()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(finished.result().get("text").asString()).isEqualTo("done");
		assertThat(finished.finishedAt()).isNotNull();
		// The listeners hear the task as it is stored, progress included, without reading it back
		assertThat(told).containsExactly(finished);
		assertThat(docket.runningCount()).isZero();
		assertThat(docket.queuedCount()).isZero();
		Long ttl = new StringRedisTemplate(this.factory).getExpire(this.name + ":task:" + submitted.id(),
				TimeUnit.SECONDS);
		assertThat(ttl).isBetween(3500L, 3600L);
	}

	@Test
	void claimWaitsForASubmissionWithoutPolling() throws Exception {
		RedisDocket docket = docket();
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<List<ClaimedTask>> claim = executor.submit(() -> docket.claim("w1", 10, Duration.ofSeconds(5)));
			Thread.sleep(200);
			long submittedAt = System.nanoTime();
			TaskInfo task = docket.submit(spec().build());
			List<ClaimedTask> claimed = claim.get(5, TimeUnit.SECONDS);
			assertThat(claimed).extracting((c) -> c.task().id()).containsExactly(task.id());
			assertThat(System.nanoTime() - submittedAt).isLessThan(Duration.ofMillis(500).toNanos());
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void claimReturnsNothingAfterWaiting() throws Exception {
		RedisDocket docket = docket();
		long start = System.nanoTime();
		assertThat(docket.claim("w1", 5, Duration.ofMillis(300))).isEmpty();
		assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(250).toNanos());
	}

	@Test
	void idempotencyKeyMakesOneTaskAcrossRedelivery() throws Exception {
		RedisDocket docket = docket();
		TaskInfo first = docket.submit(spec().idempotencyKey("report-42").build());
		ClaimedTask claimed = claimOne(docket, "w1");
		assertThat(docket.submit(spec().idempotencyKey("report-42").build()).id()).isEqualTo(first.id());
		Thread.sleep(LEASE.toMillis() + 200);
		ClaimedTask redelivered = claimOne(docket, "w2");
		assertThat(redelivered.task().id()).isEqualTo(first.id());
		assertThat(docket.submit(spec().idempotencyKey("report-42").build()).id()).isEqualTo(first.id());
		docket.finish(claimed, completed("stale"));
		docket.finish(redelivered, completed("fresh"));
		assertThat(docket.submit(spec().idempotencyKey("report-42").build()).id()).isEqualTo(first.id());
		assertThat(docket.get(first.id()).orElseThrow().result().get("text").asString()).isEqualTo("fresh");
	}

	@Test
	void expiredLeaseIsRedeliveredToAnotherWorkerAndStaleFinishIsIgnored() throws Exception {
		RedisDocket docketA = docket();
		RedisDocket docketB = docket();
		List<TaskInfo> redelivered = new CopyOnWriteArrayList<>();
		docketB.addListener(new DocketListener() {

			@Override
			public void onRedelivered(TaskInfo task) {
				redelivered.add(task);
			}

		});
		TaskInfo task = docketA.submit(spec().build());
		ClaimedTask first = claimOne(docketA, "a");
		assertThat(docketB.claim("b", 1, Duration.ofMillis(200))).isEmpty();
		Thread.sleep(LEASE.toMillis() + 100);
		ClaimedTask second = claimOne(docketB, "b");
		assertThat(second.task().id()).isEqualTo(task.id());
		assertThat(second.task().attempts()).isEqualTo(2);
		assertThat(second.leaseId()).isNotEqualTo(first.leaseId());
		assertThat(redelivered).extracting(TaskInfo::id).containsExactly(task.id());
		docketA.finish(first, completed("stale"));
		assertThat(docketA.get(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.WORKING);
		docketB.finish(second, completed("fresh"));
		assertThat(docketA.get(task.id()).orElseThrow().result().get("text").asString()).isEqualTo("fresh");
	}

	@Test
	void heartbeatsKeepALeaseFromBeingRedelivered() throws Exception {
		RedisDocket docket = docket();
		docket.submit(spec().build());
		ClaimedTask claimed = claimOne(docket, "a");
		for (int i = 0; i < 8; i++) {
			Thread.sleep(LEASE.toMillis() / 3);
			docket.heartbeat("a", List.of(claimed));
		}
		assertThat(docket.claim("b", 1, Duration.ofMillis(300))).isEmpty();
		docket.finish(claimed, completed("ok"));
		assertThat(docket.get(claimed.task().id()).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
	}

	@Test
	void taskWhoseWorkersKeepDyingFailsAfterTwoDeliveriesBeyondItsAttempts() throws Exception {
		RedisDocket docket = docket(Duration.ofMillis(300));
		TaskInfo task = docket.submit(spec().build());
		for (int attempt = 1; attempt <= 3; attempt++) {
			ClaimedTask claimed = claimOne(docket, "w" + attempt);
			assertThat(claimed.task().attempts()).isEqualTo(attempt);
			Thread.sleep(400);
		}
		assertThat(docket.claim("w4", 1, Duration.ofMillis(1500))).isEmpty();
		TaskInfo failed = docket.get(task.id()).orElseThrow();
		assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
		assertThat(failed.statusMessage()).contains("stopped responding 3 times");
		assertThat(docket.runningCount()).isZero();
	}

	@Test
	void failedRunIsRetriedUnderItsPolicy() throws Exception {
		RedisDocket docket = docket();
		List<TaskInfo> retried = new CopyOnWriteArrayList<>();
		docket.addListener(new DocketListener() {

			@Override
			public void onRetry(TaskInfo task) {
				retried.add(task);
			}

		});
		TaskInfo task = docket.submit(spec().retry(RetryPolicy.fixed(3, Duration.ofMillis(300))).build());
		ClaimedTask first = claimOne(docket, "w");
		docket.finish(first, TaskResult.error(new TaskError(-32603, "boom", null), true));
		assertThat(retried).singleElement().satisfies((t) -> {
			assertThat(t.status()).isEqualTo(TaskStatus.WORKING);
			assertThat(t.statusMessage()).isEqualTo("Retrying after failure: boom");
			assertThat(t.runAt()).isAfter(Instant.now().plusMillis(100));
		});
		assertThat(docket.queuedCount()).isEqualTo(1);
		long start = System.nanoTime();
		ClaimedTask second = claimOne(docket, "w");
		assertThat(System.nanoTime() - start).isGreaterThan(Duration.ofMillis(150).toNanos());
		assertThat(second.task().attempts()).isEqualTo(2);
		docket.finish(second, TaskResult.error(new TaskError(-32603, "boom again", null), false));
		TaskInfo failed = docket.get(task.id()).orElseThrow();
		assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
		assertThat(failed.error().message()).isEqualTo("boom again");
	}

	@Test
	void scheduledTaskRunsWhenDue() throws Exception {
		RedisDocket docket = docket();
		TaskInfo task = docket.submit(spec().runAfter(Duration.ofMillis(700)).build());
		assertThat(docket.queuedCount()).isEqualTo(1);
		assertThat(docket.claim("w", 1, Duration.ofMillis(300))).isEmpty();
		ClaimedTask claimed = claimOne(docket, "w");
		assertThat(claimed.task().id()).isEqualTo(task.id());
		assertThat(Instant.now()).isAfterOrEqualTo(task.runAt());
	}

	@Test
	void cancelledQueuedTaskIsNeverClaimed() throws Exception {
		RedisDocket docket = docket();
		TaskInfo task = docket.submit(spec().build());
		TaskInfo cancelled = docket.cancel(task.id(), "no longer needed").orElseThrow();
		assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
		assertThat(cancelled.statusMessage()).isEqualTo("no longer needed");
		assertThat(docket.claim("w", 1, Duration.ofMillis(200))).isEmpty();
		assertThat(docket.cancel(task.id(), "again")).isEmpty();
		assertThat(docket.cancel("0123456789abcdef0123456789abcdef", "unknown")).isEmpty();
		assertThat(docket.queuedCount()).isZero();
	}

	@Test
	void cancellingARunningTaskReachesTheListenersOfEveryProcess() throws Exception {
		RedisDocket worker = docket();
		RedisDocket web = docket();
		List<String> cancelRequests = new CopyOnWriteArrayList<>();
		List<String> changes = new CopyOnWriteArrayList<>();
		worker.addListener(new DocketListener() {

			@Override
			public void onCancelRequested(String taskId) {
				cancelRequests.add(taskId);
			}

			@Override
			public void onStatusChanged(TaskInfo task, boolean local) {
				changes.add(task.status().wireName() + (local ? " local" : " remote"));
			}

		});
		TaskInfo task = web.submit(spec().build());
		ClaimedTask claimed = claimOne(worker, "w");
		assertThat(web.cancel(task.id(), "stop")).isPresent();
		await().atMost(Duration.ofSeconds(5)).until(() -> cancelRequests.contains(task.id()));
		await().atMost(Duration.ofSeconds(5)).until(() -> changes.contains("cancelled remote"));
		worker.finish(claimed, completed("too late"));
		TaskInfo after = web.get(task.id()).orElseThrow();
		assertThat(after.status()).isEqualTo(TaskStatus.CANCELLED);
		assertThat(after.result()).isNull();
		assertThat(worker.runningCount()).isZero();
	}

	@Test
	void statusChangesReachOtherProcessesAsRemoteAndOwnAsLocal() throws Exception {
		RedisDocket a = docket();
		RedisDocket b = docket();
		List<String> seenByA = new CopyOnWriteArrayList<>();
		List<String> seenByB = new CopyOnWriteArrayList<>();
		a.addListener(recorder(seenByA));
		b.addListener(recorder(seenByB));
		a.submit(spec().build());
		ClaimedTask claimed = claimOne(a, "w");
		a.setStatus(claimed, TaskStatus.INPUT_REQUIRED, "waiting");
		a.setStatus(claimed, TaskStatus.WORKING, null);
		a.finish(claimed, completed("ok"));
		assertThat(seenByA).containsExactly("input_required local", "working local", "completed local");
		await().atMost(Duration.ofSeconds(5)).until(() -> seenByB.size() == 3);
		assertThat(seenByB).containsExactly("input_required remote", "working remote", "completed remote");
	}

	@Test
	void otherProcessesHearHowARunEndedFromTheEventItself() throws Exception {
		RedisDocket worker = docket();
		RedisDocket web = docket();
		List<TaskInfo> stored = new CopyOnWriteArrayList<>();
		worker.addListener(statusChanges(stored));
		List<TaskInfo> heard = new CopyOnWriteArrayList<>();
		web.addListener(finishedTasks(heard));
		TaskInfo task = web.submit(spec().build());
		ClaimedTask claimed = claimOne(worker, "w");
		worker.progress(claimed, 3.0, 4.0, "most");
		worker.finish(claimed, completed("done"));
		// Gone before the other process could read it: it hears the task all the same
		new StringRedisTemplate(this.factory).delete(this.name + ":task:" + task.id());
		await().atMost(Duration.ofSeconds(5)).until(() -> !heard.isEmpty());
		// As stored: the worker's own listeners hear the task it stored (see above)
		assertThat(heard).containsExactlyElementsOf(stored);
		assertThat(heard.get(0).progress()).isEqualTo(3.0);
		assertThat(heard.get(0).total()).isEqualTo(4.0);
		assertThat(heard.get(0).result().get("text").asString()).isEqualTo("done");
	}

	@Test
	void otherProcessesReadARunThatEndedWithALargeResult() throws Exception {
		RedisDocket worker = docket();
		RedisDocket web = docket();
		List<TaskInfo> heard = new CopyOnWriteArrayList<>();
		web.addListener(finishedTasks(heard));
		TaskInfo task = web.submit(spec().build());
		ClaimedTask claimed = claimOne(worker, "w");
		worker.finish(claimed, completed("x".repeat(3000)));
		await().atMost(Duration.ofSeconds(5)).until(() -> !heard.isEmpty());
		assertThat(heard).containsExactly(worker.get(task.id()).orElseThrow());
	}

	private static DocketListener statusChanges(List<TaskInfo> told) {
		return new DocketListener() {

			@Override
			public void onStatusChanged(TaskInfo task, boolean local) {
				told.add(task);
			}

		};
	}

	private static DocketListener finishedTasks(List<TaskInfo> heard) {
		return new DocketListener() {

			@Override
			public void onStatusChanged(TaskInfo task, boolean local) {
				if (!local && task.status().isTerminal()) {
					heard.add(task);
				}
			}

		};
	}

	private static DocketListener recorder(List<String> seen) {
		return new DocketListener() {

			@Override
			public void onStatusChanged(TaskInfo task, boolean local) {
				seen.add(task.status().wireName() + (local ? " local" : " remote"));
			}

		};
	}

	@Test
	void awaitWakesWhenAnotherProcessFinishesTheTask() throws Exception {
		RedisDocket web = docket();
		RedisDocket worker = docket();
		TaskInfo task = web.submit(spec().build());
		ClaimedTask claimed = claimOne(worker, "w");
		CountDownLatch waiting = new CountDownLatch(1);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<Optional<TaskInfo>> awaited = executor.submit(() -> {
				waiting.countDown();
				return web.await(task.id(), Duration.ofSeconds(30));
			});
			waiting.await();
			Thread.sleep(200);
			long finishedAt = System.nanoTime();
			worker.finish(claimed, completed("ok"));
			TaskInfo finished = awaited.get(10, TimeUnit.SECONDS).orElseThrow();
			assertThat(System.nanoTime() - finishedAt).isLessThan(Duration.ofSeconds(1).toNanos());
			assertThat(finished.status()).isEqualTo(TaskStatus.COMPLETED);
			assertThat(finished.result().get("text").asString()).isEqualTo("ok");
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void awaitAnswersUnknownTasksAndTimesOutWithTheCurrentState() throws Exception {
		RedisDocket docket = docket();
		assertThat(docket.await("0123456789abcdef0123456789abcdef", Duration.ofSeconds(1))).isEmpty();
		TaskInfo task = docket.submit(spec().build());
		long start = System.nanoTime();
		assertThat(docket.await(task.id(), Duration.ofMillis(300))).get()
			.extracting(TaskInfo::status)
			.isEqualTo(TaskStatus.WORKING);
		assertThat(System.nanoTime() - start).isBetween(Duration.ofMillis(250).toNanos(), Duration.ofSeconds(2).toNanos());
	}

	@Test
	void releasedTaskIsClaimedAgainAtOnce() throws Exception {
		RedisDocket docket = docket();
		TaskInfo task = docket.submit(spec().build());
		ClaimedTask claimed = claimOne(docket, "a");
		docket.release(claimed);
		ClaimedTask again = claimOne(docket, "b");
		assertThat(again.task().id()).isEqualTo(task.id());
		assertThat(again.task().attempts()).isEqualTo(2);
		docket.finish(claimed, completed("stale"));
		assertThat(docket.get(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.WORKING);
	}

	@Test
	void listPagesAnOwnersTasksOldestFirst() throws Exception {
		RedisDocket docket = docket();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(docket.submit(spec().owner("principal:ann").build()).id());
		}
		docket.submit(spec().owner("principal:bob").build());
		TaskPage first = docket.list("principal:ann", null, 2);
		assertThat(first.tasks()).extracting(TaskInfo::id).containsExactlyElementsOf(ids.subList(0, 2));
		TaskPage second = docket.list("principal:ann", first.nextCursor(), 2);
		assertThat(second.tasks()).extracting(TaskInfo::id).containsExactlyElementsOf(ids.subList(2, 4));
		TaskPage last = docket.list("principal:ann", second.nextCursor(), 2);
		assertThat(last.tasks()).extracting(TaskInfo::id).containsExactly(ids.get(4));
		assertThat(last.nextCursor()).isNull();
		assertThat(docket.list("principal:nobody", null, 10).tasks()).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> docket.list("principal:ann", "nonsense", 2));
	}

	@Test
	void finishingTaskIsRetainedEvenWhenAnotherSeemsToHaveFinishedLater() throws Exception {
		RedisDocket docket = docket(LEASE, new DocketLimits(10, 1, DataSize.ofMegabytes(1), DataSize.ofMegabytes(1),
				10, 1));
		TaskInfo earlier = docket.submit(spec().owner("principal:skew").build());
		TaskInfo later = docket.submit(spec().owner("principal:skew").build());
		docket.finish(claimOne(docket, "w"), completed("earlier"));
		StringRedisTemplate redis = new StringRedisTemplate(this.factory);
		String done = redis.keys(this.name + ":owner:*:done").iterator().next();
		// Another process with a clock ahead (or the same millisecond, ordered by id)
		redis.opsForZSet().add(done, earlier.id(), Long.MAX_VALUE / 2);
		docket.finish(claimOne(docket, "w"), completed("later"));
		assertThat(docket.get(later.id())).get().extracting(TaskInfo::status).isEqualTo(TaskStatus.COMPLETED);
		assertThat(docket.get(earlier.id())).as("the other finished task goes beyond the retained limit").isEmpty();
	}

	@Test
	void finishedTaskExpiresAfterItsTtlWithItsIdempotencyKeyAndIndexEntry() throws Exception {
		RedisDocket docket = docket();
		TaskInfo task = docket
			.submit(spec().owner("principal:ttl").idempotencyKey("k").ttl(Duration.ofMillis(300)).build());
		docket.finish(claimOne(docket, "w"), completed("ok"));
		assertThat(docket.get(task.id())).isPresent();
		Thread.sleep(400);
		assertThat(docket.get(task.id())).isEmpty();
		assertThat(docket.list("principal:ttl", null, 10).tasks()).isEmpty();
		assertThat(docket.submit(spec().idempotencyKey("k").build()).id()).isNotEqualTo(task.id());
		docket.sweep();
		assertThat(new StringRedisTemplate(this.factory).opsForZSet().size(this.name + ":expiries")).isZero();
	}

	@Test
	void workersRecreateTheConsumerGroupWhenRedisLostItsData() throws Exception {
		RedisDocket docket = docket();
		docket.submit(spec().build());
		claimOne(docket, "w");
		RedisTestSupport.deleteKeys(this.factory, this.name);
		assertThat(docket.claim("w", 1, Duration.ofMillis(200))).isEmpty();
		TaskInfo task = docket.submit(spec().build());
		assertThat(claimOne(docket, "w").task().id()).isEqualTo(task.id());
	}

	@Test
	void queuedAndRunningCountsFollowTheTasks() throws Exception {
		RedisDocket docket = docket();
		docket.submit(spec().build());
		docket.submit(spec().build());
		docket.submit(spec().runAfter(Duration.ofHours(1)).build());
		assertThat(docket.queuedCount()).isEqualTo(3);
		assertThat(docket.runningCount()).isZero();
		List<ClaimedTask> claimed = docket.claim("w", 10, Duration.ofSeconds(2));
		assertThat(claimed).hasSize(2);
		assertThat(docket.queuedCount()).isEqualTo(1);
		assertThat(docket.runningCount()).isEqualTo(2);
		docket.checkAvailable();
	}

	@Test
	void runThatAsksForInputParksTheTaskUntilEveryRequestIsAnswered() throws Exception {
		RedisDocket docket = docket();
		TaskInfo task = docket.submit(spec().build());
		ClaimedTask asking = claimOne(docket, "w1");
		docket.finish(asking, TaskResult.inputRequired(requests("first", "second")));
		TaskInfo waiting = docket.get(task.id()).orElseThrow();
		assertThat(waiting.status()).isEqualTo(TaskStatus.INPUT_REQUIRED);
		assertThat(waiting.input().requests()).containsOnlyKeys("first", "second");
		assertThat(waiting.input().requests().get("first").path("params").path("message").asString())
			.isEqualTo("first?");
		assertThat(waiting.input().responses()).isEmpty();
		assertThat(waiting.finishedAt()).isNull();
		StringRedisTemplate redis = new StringRedisTemplate(this.factory);
		String key = this.name + ":task:" + task.id();
		assertThat(redis.opsForHash().hasKey(key, "lease")).isFalse();
		assertThat(redis.getExpire(key, TimeUnit.MILLISECONDS)).as("expires unless answered").isPositive();
		assertThat(docket.runningCount()).isZero();
		assertThat(docket.queuedCount()).isZero();
		assertThat(docket.claim("w2", 1, Duration.ofMillis(300))).isEmpty();

		TaskInfo partly = docket.answer(task.id(), Map.of("first", answer("one"), "unknown", answer("x")))
			.orElseThrow();
		assertThat(partly.status()).isEqualTo(TaskStatus.INPUT_REQUIRED);
		assertThat(docket.get(task.id()).orElseThrow().input()).satisfies((input) -> {
			assertThat(input.requests()).containsOnlyKeys("second");
			assertThat(input.responses()).containsOnlyKeys("first");
		});
		assertThat(docket.claim("w2", 1, Duration.ofMillis(200))).isEmpty();

		docket.answer(task.id(), Map.of("first", answer("changed"), "unknown", answer("x")));
		TaskInfo unchanged = docket.get(task.id()).orElseThrow();
		assertThat(unchanged.status()).isEqualTo(TaskStatus.INPUT_REQUIRED);
		assertThat(unchanged.input().requests()).containsOnlyKeys("second");
		assertThat(unchanged.input().responses()).containsExactly(Map.entry("first", answer("one")));

		TaskInfo resumed = docket.answer(task.id(), Map.of("second", answer("two"))).orElseThrow();
		assertThat(resumed.status()).isEqualTo(TaskStatus.WORKING);
		assertThat(redis.getExpire(key)).as("kept while queued").isEqualTo(-1);
		assertThat(docket.queuedCount()).isEqualTo(1);
		ClaimedTask rerun = claimOne(docket, "w2");
		assertThat(rerun.task().id()).isEqualTo(task.id());
		assertThat(rerun.task().attempts()).as("the run that asked gave its attempt back").isEqualTo(1);
		assertThat(rerun.task().input().requests()).isEmpty();
		assertThat(rerun.task().input().responses())
			.containsExactlyInAnyOrderEntriesOf(Map.of("first", answer("one"), "second", answer("two")));
		docket.finish(rerun, completed("one and two"));
		assertThat(docket.get(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(docket.answer(task.id(), Map.of("second", answer("late"))).orElseThrow().status())
			.isEqualTo(TaskStatus.COMPLETED);
	}

	@Test
	void runsThatAskForInputSpendNoneOfTheRedeliveriesOfATask() throws Exception {
		RedisDocket docket = docket(Duration.ofMillis(300));
		TaskInfo task = docket.submit(spec().build());
		for (String key : List.of("first", "second", "third")) {
			ClaimedTask asking = claimOne(docket, "w");
			assertThat(asking.task().attempts()).isEqualTo(1);
			docket.finish(asking, TaskResult.inputRequired(requests(key)));
			docket.answer(task.id(), Map.of(key, answer(key)));
		}
		claimOne(docket, "dies");
		Thread.sleep(400);
		ClaimedTask redelivered = claimOne(docket, "w");
		assertThat(redelivered.task().attempts()).isEqualTo(2);
		assertThat(redelivered.task().input().responses()).containsOnlyKeys("first", "second", "third");
		docket.finish(redelivered, completed("done"));
		assertThat(docket.get(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
	}

	@Test
	void inputRequiredOfAStaleLeaseIsIgnored() throws Exception {
		RedisDocket docket = docket();
		TaskInfo task = docket.submit(spec().build());
		ClaimedTask stale = claimOne(docket, "a");
		Thread.sleep(LEASE.toMillis() + 100);
		ClaimedTask current = claimOne(docket, "b");
		docket.finish(stale, TaskResult.inputRequired(requests("first")));
		TaskInfo working = docket.get(task.id()).orElseThrow();
		assertThat(working.status()).isEqualTo(TaskStatus.WORKING);
		assertThat(working.input().requests()).isEmpty();
		assertThat(docket.runningCount()).isEqualTo(1);
		docket.finish(current, completed("fresh"));
		assertThat(docket.get(task.id()).orElseThrow().result().get("text").asString()).isEqualTo("fresh");
	}

	@Test
	void taskWaitingForInputCanBeCancelled() throws Exception {
		RedisDocket docket = docket();
		TaskInfo task = docket.submit(spec().build());
		docket.finish(claimOne(docket, "w"), TaskResult.inputRequired(requests("first")));
		assertThat(docket.cancel(task.id(), "not needed")).get()
			.extracting(TaskInfo::status)
			.isEqualTo(TaskStatus.CANCELLED);
		assertThat(docket.answer(task.id(), Map.of("first", answer("late"))).orElseThrow().status())
			.isEqualTo(TaskStatus.CANCELLED);
		assertThat(docket.claim("w", 1, Duration.ofMillis(200))).isEmpty();
		assertThat(docket.get(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
	}

	@Test
	void taskWaitingForInputLongerThanItsTtlIsDropped() throws Exception {
		RedisDocket docket = docket();
		TaskInfo task = docket.submit(spec().idempotencyKey("wait").ttl(Duration.ofMillis(300)).build());
		docket.finish(claimOne(docket, "w"), TaskResult.inputRequired(requests("first")));
		assertThat(docket.get(task.id())).get().extracting(TaskInfo::status).isEqualTo(TaskStatus.INPUT_REQUIRED);
		Thread.sleep(400);
		assertThat(docket.get(task.id())).isEmpty();
		assertThat(new StringRedisTemplate(this.factory).hasKey(this.name + ":task:" + task.id())).isFalse();
		assertThat(docket.answer(task.id(), Map.of("first", answer("late")))).isEmpty();
		assertThat(docket.submit(spec().idempotencyKey("wait").build()).id()).isNotEqualTo(task.id());
	}

	@Test
	void answersLargerThanTheArgumentsLimitAreRefused() throws Exception {
		RedisDocket docket = docket(LEASE, new DocketLimits(10, 10, DataSize.ofBytes(200), DataSize.ofMegabytes(1),
				10, 10));
		TaskInfo task = docket.submit(spec().build());
		docket.finish(claimOne(docket, "w"), TaskResult.inputRequired(requests("first")));
		assertThatExceptionOfType(TaskRefusedException.class)
			.isThrownBy(() -> docket.answer(task.id(), Map.of("first", answer("x".repeat(300)))))
			.withMessageContaining("max-arguments-size");
		TaskInfo waiting = docket.get(task.id()).orElseThrow();
		assertThat(waiting.status()).isEqualTo(TaskStatus.INPUT_REQUIRED);
		assertThat(waiting.input().requests()).containsOnlyKeys("first");
		assertThat(waiting.input().responses()).isEmpty();
	}

}
