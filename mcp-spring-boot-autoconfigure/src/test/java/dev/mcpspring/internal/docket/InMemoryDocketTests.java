package dev.mcpspring.internal.docket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import dev.mcpspring.internal.wire.ErrorCodes;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.tasks.ClaimedTask;
import dev.mcpspring.tasks.DocketListener;
import dev.mcpspring.tasks.DocketStats;
import dev.mcpspring.tasks.RetryPolicy;
import dev.mcpspring.tasks.TaskError;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskOverview;
import dev.mcpspring.tasks.TaskOverviewPage;
import dev.mcpspring.tasks.TaskPage;
import dev.mcpspring.tasks.TaskRefusedException;
import dev.mcpspring.tasks.TaskResult;
import dev.mcpspring.tasks.TaskSpec;
import dev.mcpspring.tasks.TaskState;
import dev.mcpspring.tasks.TaskStatus;
import tools.jackson.databind.node.JsonNodeFactory;

import static dev.mcpspring.internal.docket.TaskInputs.answer;
import static dev.mcpspring.internal.docket.TaskInputs.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The in-memory docket's queue and store semantics, driven through its own API as a
 * worker would.
 */
class InMemoryDocketTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final List<InMemoryDocket> dockets = new ArrayList<>();

	@AfterEach
	void stop() {
		this.dockets.forEach(InMemoryDocket::stop);
	}

	@Test
	void submittedTaskIsWorkingWithRandom128BitId() {
		InMemoryDocket docket = docket(Duration.ofMinutes(5));
		TaskInfo first = docket.submit(TaskSpec.builder("f").arguments(Map.of("a", 1)).build());
		TaskInfo second = docket.submit(TaskSpec.builder("f").build());
		assertThat(first.status()).isEqualTo(TaskStatus.WORKING);
		assertThat(first.id()).matches("[0-9a-f]{32}").isNotEqualTo(second.id());
		assertThat(first.arguments().get("a").asInt()).isEqualTo(1);
		assertThat(docket.queuedCount()).isEqualTo(2);
	}

	@Test
	void sameIdempotencyKeyMakesOneTask() {
		InMemoryDocket docket = docket(Duration.ofMinutes(5));
		TaskInfo first = docket.submit(TaskSpec.builder("f").idempotencyKey("order-42").build());
		TaskInfo again = docket.submit(TaskSpec.builder("f").idempotencyKey("order-42").build());
		TaskInfo other = docket.submit(TaskSpec.builder("f").idempotencyKey("order-43").build());
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(other.id()).isNotEqualTo(first.id());
		assertThat(docket.queuedCount()).isEqualTo(2);
	}

	@Test
	void claimWakesAsSoonAsATaskIsSubmitted() throws Exception {
		InMemoryDocket docket = docket(Duration.ofMinutes(5));
		Thread submitter = new Thread(() -> {
			sleep(200);
			docket.submit(TaskSpec.builder("f").build());
		});
		submitter.start();
		long start = System.nanoTime();
		List<ClaimedTask> claimed = docket.claim("w", 10, WAIT);
		long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
		assertThat(claimed).hasSize(1);
		assertThat(waited).isBetween(150L, 2000L);
		assertThat(claimed.get(0).task().attempts()).isEqualTo(1);
		assertThat(docket.runningCount()).isEqualTo(1);
	}

	@Test
	void claimReturnsNothingAfterWaitingWhenNothingIsDue() throws Exception {
		InMemoryDocket docket = docket(Duration.ofMinutes(5));
		assertThat(docket.claim("w", 10, Duration.ofMillis(100))).isEmpty();
	}

	@Test
	void scheduledTaskRunsWhenDueNotBefore() throws Exception {
		InMemoryDocket docket = docket(Duration.ofMinutes(5));
		Instant runAt = Instant.now().plusMillis(400);
		docket.submit(TaskSpec.builder("f").runAt(runAt).build());
		assertThat(docket.claim("w", 10, Duration.ofMillis(100))).isEmpty();
		List<ClaimedTask> claimed = docket.claim("w", 10, WAIT);
		assertThat(claimed).hasSize(1);
		assertThat(Instant.now()).isAfterOrEqualTo(runAt);
	}

	@Test
	void finishedTaskCompletesAwaitAndNotifiesListeners() throws Exception {
		InMemoryDocket docket = docket(Duration.ofMinutes(5));
		List<TaskStatus> statuses = new CopyOnWriteArrayList<>();
		docket.addListener(new DocketListener() {
			@Override
			public void onStatusChanged(TaskInfo task, boolean local) {
				statuses.add(task.status());
			}
		});
		TaskInfo task = docket.submit(TaskSpec.builder("f").build());
		ClaimedTask claimed = docket.claim("w", 1, WAIT).get(0);
		new Thread(() -> {
			sleep(100);
			docket.finish(claimed, TaskResult.completed(JsonNodeFactory.instance.textNode("done")));
		}).start();
		TaskInfo finished = docket.await(task.id(), WAIT).orElseThrow();
		assertThat(finished.status()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(finished.result().asString()).isEqualTo("done");
		assertThat(finished.finishedAt()).isNotNull();
		await().atMost(WAIT).untilAsserted(() -> assertThat(statuses).containsExactly(TaskStatus.COMPLETED));
		assertThat(docket.runningCount()).isZero();
	}

	@Test
	void awaitReturnsCurrentStateAfterTimeout() throws Exception {
		InMemoryDocket docket = docket(Duration.ofMinutes(5));
		TaskInfo task = docket.submit(TaskSpec.builder("f").build());
		assertThat(docket.await(task.id(), Duration.ofMillis(50)).orElseThrow().status())
			.isEqualTo(TaskStatus.WORKING);
		assertThat(docket.await("unknown", Duration.ofMillis(50))).isEmpty();
	}

	@Test
	void failedRunIsRetriedWithBackoffUntilAttemptsAreUsed() throws Exception {
		InMemoryDocket docket = docket(Duration.ofMinutes(5));
		List<TaskInfo> retries = new CopyOnWriteArrayList<>();
		docket.addListener(new DocketListener() {
			@Override
			public void onRetry(TaskInfo task) {
				retries.add(task);
			}
		});
		TaskInfo task = docket
			.submit(TaskSpec.builder("f").retry(RetryPolicy.exponential(3, Duration.ofMillis(100), Duration.ofSeconds(1)))
				.build());
		TaskError error = new TaskError(ErrorCodes.INTERNAL_ERROR, "boom", null);
		long start = System.nanoTime();
		for (int attempt = 1; attempt <= 3; attempt++) {
			ClaimedTask claimed = docket.claim("w", 1, WAIT).get(0);
			assertThat(claimed.task().attempts()).isEqualTo(attempt);
			docket.finish(claimed, TaskResult.error(error, true));
		}
		long elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		assertThat(elapsedMillis).isGreaterThanOrEqualTo(100 + 200);
		assertThat(retries).hasSize(2);
		TaskInfo failed = docket.get(task.id()).orElseThrow();
		assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
		assertThat(failed.error().message()).isEqualTo("boom");
		assertThat(failed.attempts()).isEqualTo(3);
	}

	@Test
	void nonRetryableFailureFinishesAtOnce() throws Exception {
		InMemoryDocket docket = docket(Duration.ofMinutes(5));
		TaskInfo task = docket.submit(TaskSpec.builder("f").retry(RetryPolicy.fixed(3, Duration.ZERO)).build());
		docket.finish(docket.claim("w", 1, WAIT).get(0),
				TaskResult.error(new TaskError(ErrorCodes.INVALID_PARAMS, "bad", null), false));
		assertThat(docket.get(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
	}

	@Test
	void taskWhoseLeaseIsNotRenewedGoesToAnotherWorker() throws Exception {
		InMemoryDocket docket = docket(Duration.ofMillis(300));
		List<String> redelivered = new CopyOnWriteArrayList<>();
		docket.addListener(new DocketListener() {
			@Override
			public void onRedelivered(TaskInfo task) {
				redelivered.add(task.id());
			}
		});
		TaskInfo task = docket.submit(TaskSpec.builder("f").build());
		ClaimedTask lost = docket.claim("crashed-worker", 1, WAIT).get(0);
		List<ClaimedTask> again = docket.claim("other-worker", 1, WAIT);
		assertThat(again).hasSize(1);
		assertThat(again.get(0).task().attempts()).isEqualTo(2);
		await().atMost(WAIT).untilAsserted(() -> assertThat(redelivered).containsExactly(task.id()));
		docket.finish(lost, TaskResult.completed(JsonNodeFactory.instance.textNode("stale")));
		assertThat(docket.get(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.WORKING);
		docket.finish(again.get(0), TaskResult.completed(JsonNodeFactory.instance.textNode("fresh")));
		assertThat(docket.get(task.id()).orElseThrow().result().asString()).isEqualTo("fresh");
	}

	@Test
	void heartbeatKeepsTheLease() throws Exception {
		InMemoryDocket docket = docket(Duration.ofMillis(300));
		docket.submit(TaskSpec.builder("f").build());
		ClaimedTask claimed = docket.claim("w", 1, WAIT).get(0);
		for (int i = 0; i < 6; i++) {
			sleep(100);
			docket.heartbeat("w", List.of(claimed));
		}
		assertThat(docket.claim("other", 1, Duration.ofMillis(100))).isEmpty();
		assertThat(docket.runningCount()).isEqualTo(1);
	}

	@Test
	void releasedTaskIsClaimedAgain() throws Exception {
		InMemoryDocket docket = docket(Duration.ofMinutes(5));
		TaskInfo task = docket.submit(TaskSpec.builder("f").build());
		docket.release(docket.claim("w", 1, WAIT).get(0));
		List<ClaimedTask> again = docket.claim("other", 1, WAIT);
		assertThat(again).extracting((claimed) -> claimed.task().id()).containsExactly(task.id());
	}

	@Test
	void cancellingQueuedTaskKeepsItFromRunning() throws Exception {
		InMemoryDocket docket = docket(Duration.ofMinutes(5));
		TaskInfo task = docket.submit(TaskSpec.builder("f").build());
		TaskInfo cancelled = docket.cancel(task.id(), "stop").orElseThrow();
		assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
		assertThat(cancelled.statusMessage()).isEqualTo("stop");
		assertThat(docket.claim("w", 1, Duration.ofMillis(100))).isEmpty();
		assertThat(docket.cancel(task.id(), "again")).isEmpty();
	}

	@Test
	void cancellingRunningTaskTellsItsWorkerAndKeepsCancelledStatus() throws Exception {
		InMemoryDocket docket = docket(Duration.ofMinutes(5));
		Set<String> stopRequests = ConcurrentHashMap.newKeySet();
		docket.addListener(new DocketListener() {
			@Override
			public void onCancelRequested(String taskId) {
				stopRequests.add(taskId);
			}
		});
		TaskInfo task = docket.submit(TaskSpec.builder("f").build());
		ClaimedTask claimed = docket.claim("w", 1, WAIT).get(0);
		docket.cancel(task.id(), "stop");
		assertThat(stopRequests).containsExactly(task.id());
		docket.finish(claimed, TaskResult.completed(JsonNodeFactory.instance.textNode("late")));
		TaskInfo after = docket.get(task.id()).orElseThrow();
		assertThat(after.status()).isEqualTo(TaskStatus.CANCELLED);
		assertThat(after.result()).isNull();
		assertThat(docket.runningCount()).isZero();
	}

	@Test
	void finishedTaskIsPurgedOnceItsTtlHasPassed() throws Exception {
		InMemoryDocket docket = docket(Duration.ofMinutes(5));
		TaskInfo task = docket
			.submit(TaskSpec.builder("f").ttl(Duration.ofMillis(200)).idempotencyKey("k").owner("alice").build());
		docket.finish(docket.claim("w", 1, WAIT).get(0), TaskResult.completed(null));
		docket.sweep();
		assertThat(docket.get(task.id())).isPresent();
		sleep(300);
		docket.sweep();
		assertThat(docket.get(task.id())).isEmpty();
		assertThat(docket.list("alice", null, 10).tasks()).isEmpty();
		assertThat(docket.submit(TaskSpec.builder("f").idempotencyKey("k").build()).id()).isNotEqualTo(task.id());
	}

	@Test
	void fullDocketRefusesSubmissionsInsteadOfPurgingFinishedTasksBeforeTheirTtl() throws Exception {
		InMemoryDocket docket = new InMemoryDocket(McpJson.mapper(), Duration.ofHours(1), Duration.ofMinutes(5), 3);
		this.dockets.add(docket);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(docket.submit(TaskSpec.builder("f").build()).id());
			docket.finish(docket.claim("w", 1, WAIT).get(0), TaskResult.completed(null));
		}
		assertThatExceptionOfType(TaskRefusedException.class)
			.isThrownBy(() -> docket.submit(TaskSpec.builder("f").build()))
			.withMessageContaining("mcp.docket.capacity");
		docket.sweep();
		assertThat(ids).allMatch((id) -> docket.get(id).isPresent());
	}

	@Test
	void listPagesThroughAnOwnersTasksOldestFirst() {
		InMemoryDocket docket = docket(Duration.ofMinutes(5));
		List<String> alice = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			alice.add(docket.submit(TaskSpec.builder("f").owner("alice").build()).id());
			docket.submit(TaskSpec.builder("f").owner("bob").build());
		}
		TaskPage first = docket.list("alice", null, 2);
		TaskPage second = docket.list("alice", first.nextCursor(), 2);
		TaskPage third = docket.list("alice", second.nextCursor(), 2);
		List<String> listed = new ArrayList<>();
		for (TaskPage page : List.of(first, second, third)) {
			page.tasks().forEach((task) -> listed.add(task.id()));
		}
		assertThat(listed).containsExactlyElementsOf(alice);
		assertThat(third.nextCursor()).isNull();
		assertThat(docket.list("carol", null, 2).tasks()).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> docket.list("alice", "not-a-cursor", 2));
	}

	@Test
	void progressAndStatusChangesAreRecorded() throws Exception {
		InMemoryDocket docket = docket(Duration.ofMinutes(5));
		TaskInfo task = docket.submit(TaskSpec.builder("f").build());
		ClaimedTask claimed = docket.claim("w", 1, WAIT).get(0);
		docket.progress(claimed, 3.0, 10.0, "three");
		docket.setStatus(claimed, TaskStatus.INPUT_REQUIRED, "need input");
		TaskInfo current = docket.get(task.id()).orElseThrow();
		assertThat(current.progress()).isEqualTo(3.0);
		assertThat(current.total()).isEqualTo(10.0);
		assertThat(current.status()).isEqualTo(TaskStatus.INPUT_REQUIRED);
		assertThat(current.statusMessage()).isEqualTo("need input");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> docket.setStatus(claimed, TaskStatus.COMPLETED, "no"));
	}

	@Test
	void runThatAsksForInputParksTheTaskUntilEveryRequestIsAnswered() throws Exception {
		InMemoryDocket docket = docket(Duration.ofMinutes(5));
		TaskInfo task = docket.submit(TaskSpec.builder("f").owner("alice").build());
		docket.finish(docket.claim("w1", 1, WAIT).get(0), TaskResult.inputRequired(requests("first", "second")));
		TaskInfo waiting = docket.get(task.id()).orElseThrow();
		assertThat(waiting.status()).isEqualTo(TaskStatus.INPUT_REQUIRED);
		assertThat(waiting.input().requests()).containsOnlyKeys("first", "second");
		assertThat(waiting.input().responses()).isEmpty();
		assertThat(waiting.finishedAt()).isNull();
		assertThat(docket.runningCount()).isZero();
		assertThat(docket.queuedCount()).isZero();
		assertThat(docket.claim("w2", 1, Duration.ofMillis(200))).isEmpty();

		TaskInfo partly = docket.answer(task.id(), Map.of("first", answer("one"), "unknown", answer("x")))
			.orElseThrow();
		assertThat(partly.status()).isEqualTo(TaskStatus.INPUT_REQUIRED);
		assertThat(partly.input().requests()).containsOnlyKeys("second");
		assertThat(partly.input().responses()).containsOnlyKeys("first");
		assertThat(docket.claim("w2", 1, Duration.ofMillis(200))).isEmpty();

		docket.answer(task.id(), Map.of("first", answer("changed"), "unknown", answer("x")));
		TaskInfo unchanged = docket.get(task.id()).orElseThrow();
		assertThat(unchanged.status()).isEqualTo(TaskStatus.INPUT_REQUIRED);
		assertThat(unchanged.input().requests()).containsOnlyKeys("second");
		assertThat(unchanged.input().responses()).containsExactly(Map.entry("first", answer("one")));

		TaskInfo resumed = docket.answer(task.id(), Map.of("second", answer("two"))).orElseThrow();
		assertThat(resumed.status()).isEqualTo(TaskStatus.WORKING);
		assertThat(docket.queuedCount()).isEqualTo(1);
		ClaimedTask rerun = docket.claim("w2", 1, WAIT).get(0);
		assertThat(rerun.task().id()).isEqualTo(task.id());
		assertThat(rerun.task().attempts()).as("the run that asked gave its attempt back").isEqualTo(1);
		assertThat(rerun.task().input().requests()).isEmpty();
		assertThat(rerun.task().input().responses())
			.containsExactlyInAnyOrderEntriesOf(Map.of("first", answer("one"), "second", answer("two")));
		docket.finish(rerun, TaskResult.completed(JsonNodeFactory.instance.textNode("one and two")));
		assertThat(docket.get(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(docket.answer(task.id(), Map.of("second", answer("late"))).orElseThrow().status())
			.isEqualTo(TaskStatus.COMPLETED);
	}

	@Test
	void runsThatAskForInputSpendNoneOfTheRedeliveriesOfATask() throws Exception {
		InMemoryDocket docket = docket(Duration.ofMillis(100));
		TaskInfo task = docket.submit(TaskSpec.builder("f").build());
		for (String key : List.of("first", "second", "third")) {
			ClaimedTask asking = docket.claim("w", 1, WAIT).get(0);
			assertThat(asking.task().attempts()).isEqualTo(1);
			docket.finish(asking, TaskResult.inputRequired(requests(key)));
			docket.answer(task.id(), Map.of(key, answer(key)));
		}
		docket.claim("dies", 1, WAIT);
		sleep(150);
		docket.sweep();
		ClaimedTask redelivered = docket.claim("w", 1, WAIT).get(0);
		assertThat(redelivered.task().attempts()).isEqualTo(2);
		assertThat(redelivered.task().input().responses()).containsOnlyKeys("first", "second", "third");
		docket.finish(redelivered, TaskResult.completed(null));
		assertThat(docket.get(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
	}

	@Test
	void inputRequiredOfAStaleLeaseIsIgnored() throws Exception {
		InMemoryDocket docket = docket(Duration.ofMillis(100));
		TaskInfo task = docket.submit(TaskSpec.builder("f").build());
		ClaimedTask stale = docket.claim("a", 1, WAIT).get(0);
		sleep(150);
		docket.sweep();
		ClaimedTask current = docket.claim("b", 1, WAIT).get(0);
		docket.finish(stale, TaskResult.inputRequired(requests("first")));
		TaskInfo working = docket.get(task.id()).orElseThrow();
		assertThat(working.status()).isEqualTo(TaskStatus.WORKING);
		assertThat(working.input().requests()).isEmpty();
		assertThat(docket.runningCount()).isEqualTo(1);
		docket.finish(current, TaskResult.completed(JsonNodeFactory.instance.textNode("fresh")));
		assertThat(docket.get(task.id()).orElseThrow().result().asString()).isEqualTo("fresh");
	}

	@Test
	void taskWaitingForInputCanBeCancelled() throws Exception {
		InMemoryDocket docket = docket(Duration.ofMinutes(5));
		TaskInfo task = docket.submit(TaskSpec.builder("f").build());
		docket.finish(docket.claim("w", 1, WAIT).get(0), TaskResult.inputRequired(requests("first")));
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
		InMemoryDocket docket = docket(Duration.ofMinutes(5));
		TaskInfo task = docket.submit(
				TaskSpec.builder("f").ttl(Duration.ofMillis(300)).idempotencyKey("wait").owner("alice").build());
		docket.finish(docket.claim("w", 1, WAIT).get(0), TaskResult.inputRequired(requests("first")));
		docket.sweep();
		assertThat(docket.get(task.id())).get().extracting(TaskInfo::status).isEqualTo(TaskStatus.INPUT_REQUIRED);
		sleep(400);
		docket.sweep();
		assertThat(docket.get(task.id())).isEmpty();
		assertThat(docket.list("alice", null, 10).tasks()).isEmpty();
		assertThat(docket.answer(task.id(), Map.of("first", answer("late")))).isEmpty();
		assertThat(docket.submit(TaskSpec.builder("f").idempotencyKey("wait").owner("alice").build()).id())
			.isNotEqualTo(task.id());
	}

	@Test
	void taskFinishedAfterWaitingForInputIsKeptForItsTtlAfterItFinished() throws Exception {
		MutableClock clock = new MutableClock();
		InMemoryDocket docket = new InMemoryDocket(McpJson.mapper(), Duration.ofHours(1), Duration.ofMinutes(5), 1000,
				DocketLimits.DEFAULTS, clock);
		TaskInfo task = docket.submit(TaskSpec.builder("f").ttl(Duration.ofMinutes(10)).build());
		docket.finish(docket.claim("w", 1, WAIT).get(0), TaskResult.inputRequired(requests("first")));
		clock.advance(Duration.ofMinutes(1));
		docket.answer(task.id(), Map.of("first", answer("one")));
		ClaimedTask rerun = docket.claim("w", 1, WAIT).get(0);
		clock.advance(Duration.ofMinutes(5));
		docket.finish(rerun, TaskResult.completed(null));
		clock.advance(Duration.ofMinutes(5));
		docket.sweep();
		assertThat(docket.get(task.id())).as("past the wait's deadline, within the ttl after finishing")
			.get()
			.extracting(TaskInfo::status)
			.isEqualTo(TaskStatus.COMPLETED);
		clock.advance(Duration.ofMinutes(6));
		docket.sweep();
		assertThat(docket.get(task.id())).isEmpty();
	}

	@Test
	void answersLargerThanTheArgumentsLimitAreRefused() throws Exception {
		InMemoryDocket docket = new InMemoryDocket(McpJson.mapper(), Duration.ofHours(1), Duration.ofMinutes(5), 1000,
				new DocketLimits(10, 10, DataSize.ofBytes(200), DataSize.ofMegabytes(1), 10, 10));
		this.dockets.add(docket);
		TaskInfo task = docket.submit(TaskSpec.builder("f").build());
		docket.finish(docket.claim("w", 1, WAIT).get(0), TaskResult.inputRequired(requests("first")));
		assertThatExceptionOfType(TaskRefusedException.class)
			.isThrownBy(() -> docket.answer(task.id(), Map.of("first", answer("x".repeat(300)))))
			.withMessageContaining("max-arguments-size");
		TaskInfo waiting = docket.get(task.id()).orElseThrow();
		assertThat(waiting.status()).isEqualTo(TaskStatus.INPUT_REQUIRED);
		assertThat(waiting.input().requests()).containsOnlyKeys("first");
		assertThat(waiting.input().responses()).isEmpty();
	}

	@Test
	void adminSeesEveryOwnersTasksNewestFirstByState() throws Exception {
		InMemoryDocket docket = docket(Duration.ofMinutes(5));
		TaskInfo first = docket.submit(TaskSpec.builder("f").owner("alice").build());
		TaskInfo second = docket.submit(TaskSpec.builder("f").owner("bob").build());
		TaskInfo third = docket.submit(TaskSpec.builder("f").build());
		List<ClaimedTask> claimed = claimAll(docket, "w1", 1);
		TaskOverviewPage page = docket.tasks(null, null, 2);
		assertThat(page.tasks()).extracting((overview) -> overview.task().id()).containsExactly(third.id(), second.id());
		assertThat(docket.tasks(null, page.nextCursor(), 2).tasks()).extracting((overview) -> overview.task().id())
			.containsExactly(first.id());
		TaskOverview running = docket.task(claimed.get(0).task().id()).orElseThrow();
		assertThat(running.state()).isEqualTo(TaskState.RUNNING);
		assertThat(running.worker()).isEqualTo("w1");
		assertThat(docket.tasks(TaskState.QUEUED, null, 10).tasks()).hasSize(2)
			.allSatisfy((overview) -> assertThat(overview.worker()).isNull());
		assertThat(docket.workers()).singleElement().satisfies((worker) -> {
			assertThat(worker.id()).isEqualTo("w1");
			assertThat(worker.runningTaskIds()).containsExactly(running.task().id());
		});
		assertThatIllegalArgumentException().isThrownBy(() -> docket.tasks(null, "forged", 10));
	}

	@Test
	void adminCountsTasksByStateRetriesFailedOnesAndPurgesFinishedOnes() throws Exception {
		InMemoryDocket docket = docket(Duration.ofMinutes(5));
		TaskInfo failing = docket.submit(TaskSpec.builder("f").owner("alice").build());
		docket.submit(TaskSpec.builder("f").owner("alice").build());
		docket.finish(claimAll(docket, "w", 1).get(0), TaskResult.error("broken", false));
		DocketStats stats = docket.stats();
		assertThat(stats.tasks()).containsEntry(TaskState.FAILED, 1L).containsEntry(TaskState.QUEUED, 1L)
			.containsEntry(TaskState.RUNNING, 0L);
		assertThat(stats.submittedTotal()).isEqualTo(2);
		assertThat(stats.finishedTotal()).isEqualTo(1);
		assertThat(docket.retry(failing.id())).hasValueSatisfying((task) -> {
			assertThat(task.status()).isEqualTo(TaskStatus.WORKING);
			assertThat(task.error()).isNull();
		});
		assertThat(docket.retry(failing.id())).as("only a failed task is retried").isEmpty();
		ClaimedTask again = claimAll(docket, "w", 2).stream()
			.filter((claimed) -> claimed.task().id().equals(failing.id()))
			.findFirst()
			.orElseThrow();
		docket.finish(again, TaskResult.completed(JsonNodeFactory.instance.textNode("fixed")));
		assertThat(docket.await(failing.id(), WAIT)).hasValueSatisfying(
				(task) -> assertThat(task.result().asString()).isEqualTo("fixed"));
		assertThat(docket.purgeFinished()).isEqualTo(1);
		assertThat(docket.get(failing.id())).isEmpty();
		assertThat(docket.list("alice", null, 10).tasks()).hasSize(1);
		assertThat(docket.stats().tasks()).containsEntry(TaskState.COMPLETED, 0L);
	}

	private static List<ClaimedTask> claimAll(InMemoryDocket docket, String worker, int count)
			throws InterruptedException {
		List<ClaimedTask> claimed = new ArrayList<>();
		while (claimed.size() < count) {
			claimed.addAll(docket.claim(worker, count - claimed.size(), WAIT));
		}
		return claimed;
	}

	private InMemoryDocket docket(Duration leaseTimeout) {
		InMemoryDocket docket = new InMemoryDocket(McpJson.mapper(), Duration.ofHours(1), leaseTimeout, 1000);
		docket.start();
		this.dockets.add(docket);
		return docket;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A clock that tests move forward.
	 */
	private static final class MutableClock extends Clock {

		private volatile Instant now = Instant.parse("2026-07-28T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
