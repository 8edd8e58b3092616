package dev.mcpspring.internal.docket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.tasks.ClaimedTask;
import dev.mcpspring.tasks.Docket;
import dev.mcpspring.tasks.DocketAdmin;
import dev.mcpspring.tasks.DocketLeases;
import dev.mcpspring.tasks.DocketListener;
import dev.mcpspring.tasks.DocketStats;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskOverview;
import dev.mcpspring.tasks.TaskOverviewPage;
import dev.mcpspring.tasks.TaskResult;
import dev.mcpspring.tasks.TaskSpec;
import dev.mcpspring.tasks.TaskState;
import dev.mcpspring.tasks.TaskStatus;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * What every {@link DocketAdmin} guarantees: every owner's tasks newest first by state,
 * exact counts while a real worker runs tasks (redeliveries included), workers with their
 * running tasks, retry of a failed task up to a worker, and purge of finished tasks.
 *
 * @param <D> the docket
 */
public abstract class DocketAdminContract<D extends Docket & DocketLeases & DocketAdmin> {

	/** The lease of the contract's dockets. */
	protected static final Duration LEASE = Duration.ofMillis(500);

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final List<Worker> workers = new CopyOnWriteArrayList<>();

	/**
	 * Returns the docket of the test, started, with a lease of {@link #LEASE} and a ttl of
	 * an hour; each call returns it as another process sees it (the same docket when it
	 * is one process's).
	 * @return the docket
	 */
	protected abstract D docket();

	/**
	 * Stops the workers the test started; call before tidying the dockets.
	 */
	protected void stopWorkers() {
		this.workers.forEach(Worker::stop);
		this.workers.clear();
	}

	private Worker worker(D docket, String id, TaskFunctionRegistry functions) {
		Worker worker = new Worker(id, docket, functions, new Worker.Settings(8, LEASE, Duration.ofSeconds(5), false),
				WorkerObserver.NONE);
		this.workers.add(worker);
		worker.start();
		return worker;
	}

	private static ClaimedTask claim(DocketLeases docket, String worker) throws InterruptedException {
		List<ClaimedTask> claimed = docket.claim(worker, 1, WAIT);
		assertThat(claimed).hasSize(1);
		return claimed.get(0);
	}

	private static List<String> ids(TaskOverviewPage page) {
		return page.tasks().stream().map((overview) -> overview.task().id()).toList();
	}

	@Test
	void listsEveryOwnersTasksNewestFirstPageByPage() throws Exception {
		D docket = docket();
		List<String> submitted = new ArrayList<>();
		submitted.add(docket.submit(TaskSpec.builder("f").owner("alice").build()).id());
		submitted.add(docket.submit(TaskSpec.builder("f").owner("bob").build()).id());
		submitted.add(docket.submit(TaskSpec.builder("f").build()).id());
		submitted.add(docket.submit(TaskSpec.builder("f").metadata(DocketLimits.ANONYMOUS, "true").build()).id());
		submitted.add(docket.submit(TaskSpec.builder("f").owner("alice").build()).id());
		List<String> newestFirst = new ArrayList<>(submitted);
		Collections.reverse(newestFirst);
		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			TaskOverviewPage page = docket().tasks(null, cursor, 2);
			assertThat(page.tasks()).hasSizeLessThanOrEqualTo(2);
			seen.addAll(ids(page));
			cursor = page.nextCursor();
		}
		while (cursor != null);
		assertThat(seen).containsExactlyElementsOf(newestFirst);
		assertThat(docket.tasks(TaskState.QUEUED, null, 10).tasks()).extracting(TaskOverview::state)
			.hasSize(5)
			.containsOnly(TaskState.QUEUED);
		assertThat(docket.tasks(TaskState.RUNNING, null, 10).tasks()).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> docket.tasks(null, "forged", 10));
	}

	@Test
	void pagesAreBounded() {
		D docket = docket();
		for (int i = 0; i < 205; i++) {
			docket.submit(TaskSpec.builder("f").build());
		}
		TaskOverviewPage page = docket.tasks(null, null, Integer.MAX_VALUE);
		assertThat(page.tasks()).hasSizeLessThanOrEqualTo(200);
		assertThat(page.nextCursor()).isNotNull();
		assertThat(docket.tasks(null, null, 0).tasks()).hasSizeLessThanOrEqualTo(1);
	}

	@Test
	void showsWhichWorkerRunsATask() throws Exception {
		D docket = docket();
		TaskInfo first = docket.submit(TaskSpec.builder("f").owner("alice").build());
		TaskInfo second = docket.submit(TaskSpec.builder("f").owner("bob").build());
		ClaimedTask claimed = claim(docket, "w1");
		assertThat(claimed.task().id()).isEqualTo(first.id());
		assertThat(docket().task(first.id())).hasValueSatisfying((overview) -> {
			assertThat(overview.state()).isEqualTo(TaskState.RUNNING);
			assertThat(overview.worker()).isEqualTo("w1");
			assertThat(overview.task().attempts()).isEqualTo(1);
		});
		assertThat(docket().task(second.id())).hasValueSatisfying((overview) -> {
			assertThat(overview.state()).isEqualTo(TaskState.QUEUED);
			assertThat(overview.worker()).isNull();
		});
		assertThat(ids(docket().tasks(TaskState.RUNNING, null, 10))).containsExactly(first.id());
		assertThat(docket().workers()).filteredOn((worker) -> worker.id().equals("w1"))
			.singleElement()
			.satisfies((worker) -> {
				assertThat(worker.runningTaskIds()).containsExactly(first.id());
				assertThat(worker.lastSeen()).isBetween(Instant.now().minusSeconds(30), Instant.now().plusSeconds(5));
			});
		docket.finish(claimed, TaskResult.completed(JsonNodeFactory.instance.textNode("done")));
		assertThat(docket().task(first.id())).hasValueSatisfying((overview) -> {
			assertThat(overview.state()).isEqualTo(TaskState.COMPLETED);
			assertThat(overview.worker()).isNull();
		});
		assertThat(docket().task("0123456789abcdef0123456789abcdef")).isEmpty();
		assertThat(docket().task("not a task id")).isEmpty();
	}

	@Test
	void countsAreExactWhileAWorkerRunsTasks() throws Exception {
		D docket = docket();
		TaskFunctionRegistry functions = new TaskFunctionRegistry();
		functions.register("work", (task, execution) -> {
			Thread.sleep(5);
			int n = task.arguments().get("n").asInt();
			return (n % 10 == 0) ? TaskResult.error("broken", false)
					: TaskResult.completed(JsonNodeFactory.instance.numberNode(n));
		});
		worker(docket(), "busy", functions);
		int total = 240;
		ExecutorService submitters = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> futures = new ArrayList<>();
			AtomicInteger next = new AtomicInteger();
			for (int t = 0; t < 4; t++) {
				D submitter = docket();
				futures.add(submitters.submit(() -> {
					for (int n; (n = next.getAndIncrement()) < total;) {
						submitter.submit(TaskSpec.builder("work").owner("user" + (n % 3)).arguments(Map.of("n", n)).build());
						if (n % 20 == 0) {
							assertThat(docket.stats().tasks().values()).allMatch((count) -> count >= 0);
						}
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			submitters.shutdown();
		}
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
			DocketStats stats = docket().stats();
			assertThat(stats.tasks().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
			assertThat(stats.submittedTotal()).isEqualTo(total);
			assertThat(stats.tasks().get(TaskState.RUNNING)).isBetween(0L, 8L);
			assertThat(stats.tasks()).containsEntry(TaskState.COMPLETED, total - total / 10L)
				.containsEntry(TaskState.FAILED, total / 10L);
		});
		DocketStats stats = docket.stats();
		assertThat(stats.tasks()).containsEntry(TaskState.QUEUED, 0L)
			.containsEntry(TaskState.RUNNING, 0L)
			.containsEntry(TaskState.INPUT_REQUIRED, 0L)
			.containsEntry(TaskState.CANCELLED, 0L);
		assertThat(stats.finishedTotal()).isEqualTo(total);
		assertThat(docket.workers()).extracting((worker) -> worker.id()).contains("busy");
	}

	@Test
	void countsFollowARedeliveryAndACancellation() throws Exception {
		D docket = docket();
		TaskInfo task = docket.submit(TaskSpec.builder("work").build());
		TaskInfo cancelled = docket.submit(TaskSpec.builder("work").build());
		ClaimedTask abandoned = claim(docket, "dead");
		assertThat(abandoned.task().id()).isEqualTo(task.id());
		assertThat(docket.stats().tasks()).containsEntry(TaskState.RUNNING, 1L).containsEntry(TaskState.QUEUED, 1L);
		docket.cancel(cancelled.id(), "Not wanted");
		assertThat(docket.stats().tasks()).containsEntry(TaskState.QUEUED, 0L).containsEntry(TaskState.CANCELLED, 1L);
		// "dead" never renews its lease: the task goes to a live worker
		TaskFunctionRegistry functions = new TaskFunctionRegistry();
		functions.register("work", (claimed, execution) -> TaskResult.completed(JsonNodeFactory.instance.textNode("ok")));
		worker(docket(), "alive", functions);
		assertThat(docket.await(task.id(), WAIT)).hasValueSatisfying((finished) -> {
			assertThat(finished.status()).isEqualTo(TaskStatus.COMPLETED);
			assertThat(finished.attempts()).isEqualTo(2);
		});
		docket.finish(abandoned, TaskResult.error("too late", false));
		DocketStats stats = docket().stats();
		assertThat(stats.tasks()).containsEntry(TaskState.RUNNING, 0L)
			.containsEntry(TaskState.QUEUED, 0L)
			.containsEntry(TaskState.COMPLETED, 1L)
			.containsEntry(TaskState.FAILED, 0L)
			.containsEntry(TaskState.CANCELLED, 1L);
		assertThat(stats.submittedTotal()).isEqualTo(2);
		assertThat(stats.finishedTotal()).isEqualTo(2);
	}

	@Test
	void countsFollowATaskWaitingForInput() throws Exception {
		D docket = docket();
		TaskInfo task = docket.submit(TaskSpec.builder("f").build());
		ObjectNode requests = McpJson.mapper().createObjectNode();
		requests.putObject("q").put("method", "elicitation/create").putObject("params").put("message", "q?");
		docket.finish(claim(docket, "w"), TaskResult.inputRequired(requests));
		assertThat(docket().task(task.id())).hasValueSatisfying(
				(overview) -> assertThat(overview.state()).isEqualTo(TaskState.INPUT_REQUIRED));
		assertThat(docket.stats().tasks()).containsEntry(TaskState.INPUT_REQUIRED, 1L)
			.containsEntry(TaskState.RUNNING, 0L);
		assertThat(ids(docket.tasks(TaskState.INPUT_REQUIRED, null, 10))).containsExactly(task.id());
		ObjectNode answer = McpJson.mapper().createObjectNode().put("action", "accept");
		answer.putObject("content").put("value", "a");
		docket.answer(task.id(), Map.of("q", answer));
		assertThat(docket.stats().tasks()).containsEntry(TaskState.INPUT_REQUIRED, 0L)
			.containsEntry(TaskState.QUEUED, 1L);
		docket.finish(claim(docket, "w"), TaskResult.completed(JsonNodeFactory.instance.textNode("ok")));
		assertThat(docket.stats().tasks()).containsEntry(TaskState.QUEUED, 0L).containsEntry(TaskState.COMPLETED, 1L);
	}

	@Test
	void retriedTaskReachesAWorkerAndEveryInstanceHearsOfIt() throws Exception {
		D docket = docket();
		D elsewhere = docket();
		Map<String, List<TaskStatus>> heard = new ConcurrentHashMap<>();
		elsewhere.addListener(new DocketListener() {

			@Override
			public void onStatusChanged(TaskInfo task, boolean local) {
				heard.computeIfAbsent(task.id(), (id) -> new CopyOnWriteArrayList<>()).add(task.status());
			}

		});
		AtomicInteger runs = new AtomicInteger();
		TaskFunctionRegistry functions = new TaskFunctionRegistry();
		functions.register("flaky", (task, execution) -> (runs.incrementAndGet() == 1)
				? TaskResult.error("broken", false) : TaskResult.completed(JsonNodeFactory.instance.textNode("fixed")));
		worker(docket(), "w", functions);
		TaskInfo task = docket.submit(TaskSpec.builder("flaky").owner("alice").idempotencyKey("k").build());
		assertThat(docket.await(task.id(), WAIT)).hasValueSatisfying(
				(failed) -> assertThat(failed.status()).isEqualTo(TaskStatus.FAILED));
		// An operator retries a task the dashboard shows as failed
		await().untilAsserted(() -> assertThat(heard.get(task.id())).contains(TaskStatus.FAILED));
		assertThat(docket.retry(task.id())).hasValueSatisfying((retried) -> {
			assertThat(retried.id()).isEqualTo(task.id());
			assertThat(retried.status()).isEqualTo(TaskStatus.WORKING);
			assertThat(retried.error()).isNull();
			assertThat(retried.result()).isNull();
			assertThat(retried.finishedAt()).isNull();
		});
		assertThat(docket.await(task.id(), WAIT)).hasValueSatisfying((finished) -> {
			assertThat(finished.status()).isEqualTo(TaskStatus.COMPLETED);
			assertThat(finished.result().asString()).isEqualTo("fixed");
			assertThat(finished.attempts()).isEqualTo(2);
		});
		assertThat(runs).hasValue(2);
		await().untilAsserted(() -> assertThat(heard.get(task.id())).containsSubsequence(TaskStatus.FAILED,
				TaskStatus.WORKING, TaskStatus.COMPLETED));
		assertThat(docket.retry(task.id())).as("only a failed task is retried").isEmpty();
		assertThat(docket.retry("0123456789abcdef0123456789abcdef")).isEmpty();
		assertThat(docket.submit(TaskSpec.builder("flaky").owner("alice").idempotencyKey("k").build()).id())
			.as("the idempotency key still names the task").isEqualTo(task.id());
		DocketStats stats = docket.stats();
		assertThat(stats.tasks()).containsEntry(TaskState.FAILED, 0L).containsEntry(TaskState.COMPLETED, 1L);
		assertThat(stats.finishedTotal()).isEqualTo(2);
	}

	@Test
	void purgesEveryFinishedTaskWithItsIndexes() throws Exception {
		D docket = docket();
		List<String> finished = new ArrayList<>();
		for (TaskResult result : List.of(TaskResult.completed(JsonNodeFactory.instance.textNode("ok")),
				TaskResult.error("broken", false))) {
			TaskInfo task = docket.submit(TaskSpec.builder("f").owner("alice").idempotencyKey("k" + finished.size()).build());
			docket.finish(claim(docket, "w"), result);
			finished.add(task.id());
		}
		TaskInfo cancelled = docket.submit(TaskSpec.builder("f").build());
		docket.cancel(cancelled.id(), "Not wanted");
		finished.add(cancelled.id());
		TaskInfo queued = docket.submit(TaskSpec.builder("f").owner("alice").build());
		assertThat(docket().purgeFinished()).isEqualTo(3);
		assertThat(finished).allSatisfy((id) -> {
			assertThat(docket.get(id)).isEmpty();
			assertThat(docket.task(id)).isEmpty();
		});
		assertThat(ids(docket.tasks(null, null, 10))).containsExactly(queued.id());
		assertThat(docket.list("alice", null, 10).tasks()).extracting(TaskInfo::id).containsExactly(queued.id());
		assertThat(docket.submit(TaskSpec.builder("f").owner("alice").idempotencyKey("k0").build()).id())
			.as("the purged task's idempotency key is free").isNotIn(finished);
		assertThat(docket.stats().tasks()).containsEntry(TaskState.COMPLETED, 0L)
			.containsEntry(TaskState.FAILED, 0L)
			.containsEntry(TaskState.CANCELLED, 0L)
			.containsEntry(TaskState.QUEUED, 2L);
		assertThat(docket.purgeFinished()).isZero();
	}

	@Test
	void expiredTasksLeaveTheCountsAndTheList() throws Exception {
		D docket = docket();
		TaskInfo task = docket.submit(TaskSpec.builder("f").ttl(Duration.ofMillis(300)).build());
		docket.finish(claim(docket, "w"), TaskResult.completed(JsonNodeFactory.instance.textNode("ok")));
		assertThat(docket.stats().tasks()).containsEntry(TaskState.COMPLETED, 1L);
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(docket.stats().tasks()).containsEntry(TaskState.COMPLETED, 0L);
			assertThat(docket.tasks(null, null, 10).tasks()).isEmpty();
		});
		assertThat(docket.task(task.id())).isEmpty();
		Set<TaskState> states = docket.stats().tasks().keySet();
		assertThat(states).containsExactlyInAnyOrder(TaskState.values());
	}

}
