package dev.mcpspring.internal.docket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import dev.mcpspring.internal.wire.ErrorCodes;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.tasks.Docket;
import dev.mcpspring.tasks.RetryPolicy;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskResult;
import dev.mcpspring.tasks.TaskSpec;
import dev.mcpspring.tasks.TaskStatus;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.Mockito.mock;

/**
 * A worker running tasks from a real in-memory docket.
 */
class WorkerTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final InMemoryDocket docket = new InMemoryDocket(McpJson.mapper(), Duration.ofHours(1),
			Duration.ofMinutes(5), 1000);

	private final TaskFunctionRegistry functions = new TaskFunctionRegistry();

	private final List<Worker> workers = new ArrayList<>();

	@AfterEach
	void stop() {
		this.workers.forEach(Worker::stop);
		this.docket.stop();
	}

	@Test
	void runsAtMostConcurrencyTasksAtOnce() throws Exception {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger peak = new AtomicInteger();
		this.functions.register("work", (task, execution) -> {
			peak.accumulateAndGet(running.incrementAndGet(), Math::max);
			Thread.sleep(50);
			running.decrementAndGet();
			return TaskResult.completed(null);
		});
		start(worker("w", 3, Duration.ofSeconds(5), false));
		List<TaskInfo> tasks = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			tasks.add(this.docket.submit(TaskSpec.builder("work").build()));
		}
		for (TaskInfo task : tasks) {
			assertThat(this.docket.await(task.id(), WAIT).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
		}
		assertThat(peak.get()).isEqualTo(3);
	}

	@Test
	void cancellationSetsTheFlagAndInterruptsTheRun() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		AtomicBoolean interrupted = new AtomicBoolean();
		AtomicBoolean flagged = new AtomicBoolean();
		this.functions.register("wait", (task, execution) -> {
			started.countDown();
			try {
				Thread.sleep(30_000);
			}
			catch (InterruptedException ex) {
				interrupted.set(true);
				flagged.set(execution.isCancelled());
			}
			return TaskResult.completed(null);
		});
		start(worker("w", 2, Duration.ofSeconds(5), false));
		TaskInfo task = this.docket.submit(TaskSpec.builder("wait").build());
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		this.docket.cancel(task.id(), "stop");
		awaitCondition(interrupted::get);
		assertThat(flagged).isTrue();
		awaitCondition(() -> this.docket.runningCount() == 0);
		assertThat(this.docket.get(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
	}

	@Test
	void runLongerThanItsTimeoutFails() throws Exception {
		this.functions.register("slow", (task, execution) -> {
			Thread.sleep(30_000);
			return TaskResult.completed(null);
		});
		start(worker("w", 2, Duration.ofSeconds(5), false));
		TaskInfo task = this.docket.submit(TaskSpec.builder("slow").timeout(Duration.ofMillis(200)).build());
		TaskInfo finished = this.docket.await(task.id(), WAIT).orElseThrow();
		assertThat(finished.status()).isEqualTo(TaskStatus.FAILED);
		assertThat(finished.error().message()).contains("timed out");
	}

	@Test
	void exceptionFailsTheTaskWithItsMessageAndIsRetriedUnderThePolicy() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		this.functions.register("flaky", (task, execution) -> {
			if (calls.incrementAndGet() < 3) {
				throw new IllegalStateException("not yet");
			}
			return TaskResult.completed(JsonNodeFactory.instance.textNode("third time"));
		});
		this.functions.register("broken", (task, execution) -> {
			throw new IllegalStateException("always broken");
		});
		start(worker("w", 2, Duration.ofSeconds(5), false));
		TaskInfo flaky = this.docket
			.submit(TaskSpec.builder("flaky").retry(RetryPolicy.fixed(3, Duration.ofMillis(10))).build());
		TaskInfo broken = this.docket.submit(TaskSpec.builder("broken").build());
		assertThat(this.docket.await(flaky.id(), WAIT).orElseThrow().result().asString()).isEqualTo("third time");
		TaskInfo failed = this.docket.await(broken.id(), WAIT).orElseThrow();
		assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
		assertThat(failed.error().message()).isEqualTo("always broken");
	}

	@Test
	void unknownFunctionFailsTheTask() throws Exception {
		start(worker("w", 1, Duration.ofSeconds(5), false));
		TaskInfo task = this.docket.submit(TaskSpec.builder("nobody-knows").build());
		TaskInfo failed = this.docket.await(task.id(), WAIT).orElseThrow();
		assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
		assertThat(failed.error().code()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
		assertThat(failed.error().message()).contains("nobody-knows");
	}

	@Test
	void namespaceFunctionRunsEveryTaskOfItsNamespace() throws Exception {
		this.functions.register("tool:", (task, execution) -> TaskResult
			.completed(JsonNodeFactory.instance.textNode(task.function())));
		start(worker("w", 1, Duration.ofSeconds(5), false));
		TaskInfo task = this.docket.submit(TaskSpec.builder("tool:echo").build());
		assertThat(this.docket.await(task.id(), WAIT).orElseThrow().result().asString()).isEqualTo("tool:echo");
	}

	@Test
	void gracefulStopLetsShortTasksFinishAndReleasesTheRest() throws Exception {
		CountDownLatch started = new CountDownLatch(2);
		this.functions.register("short", (task, execution) -> {
			started.countDown();
			Thread.sleep(100);
			return TaskResult.completed(JsonNodeFactory.instance.textNode("short"));
		});
		this.functions.register("long", (task, execution) -> {
			started.countDown();
			Thread.sleep(60_000);
			return TaskResult.completed(JsonNodeFactory.instance.textNode("long"));
		});
		Worker first = worker("first", 2, Duration.ofMillis(500), false);
		start(first);
		TaskInfo shortTask = this.docket.submit(TaskSpec.builder("short").build());
		TaskInfo longTask = this.docket.submit(TaskSpec.builder("long").build());
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		CountDownLatch stopped = new CountDownLatch(1);
		first.stop(stopped::countDown);
		assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.docket.get(shortTask.id()).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
		TaskInfo released = this.docket.get(longTask.id()).orElseThrow();
		assertThat(released.status()).isEqualTo(TaskStatus.WORKING);
		assertThat(this.docket.queuedCount()).isEqualTo(1);
		TaskFunctionRegistry secondFunctions = new TaskFunctionRegistry();
		secondFunctions.register("long",
				(task, execution) -> TaskResult.completed(JsonNodeFactory.instance.textNode("rerun")));
		Worker second = new Worker("second", this.docket, secondFunctions,
				new Worker.Settings(2, Duration.ofMinutes(5), Duration.ofSeconds(5), false), WorkerObserver.NONE);
		start(second);
		assertThat(this.docket.await(longTask.id(), WAIT).orElseThrow().result().asString()).isEqualTo("rerun");
		assertThat(this.docket.get(longTask.id()).orElseThrow().attempts()).isEqualTo(2);
	}

	@Test
	void observerIsToldOfEveryRun() throws Exception {
		List<String> outcomes = new ArrayList<>();
		this.functions.register("ok", (task, execution) -> TaskResult.completed(null));
		Worker worker = new Worker("w", this.docket, this.functions,
				new Worker.Settings(1, Duration.ofMinutes(5), Duration.ofSeconds(5), false), new WorkerObserver() {
					@Override
					public void finished(TaskInfo task, String outcome, long nanos) {
						synchronized (outcomes) {
							outcomes.add(task.function() + ":" + outcome);
						}
					}
				});
		start(worker);
		TaskInfo task = this.docket.submit(TaskSpec.builder("ok").build());
		this.docket.await(task.id(), WAIT);
		awaitCondition(() -> {
			synchronized (outcomes) {
				return !outcomes.isEmpty();
			}
		});
		assertThat(outcomes).containsExactly("ok:completed");
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void runsTasksOnVirtualThreadsWhenAsked() throws Exception {
		AtomicBoolean virtual = new AtomicBoolean();
		this.functions.register("where", (task, execution) -> {
			virtual.set((boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread()));
			return TaskResult.completed(null);
		});
		start(worker("w", 4, Duration.ofSeconds(5), true));
		TaskInfo task = this.docket.submit(TaskSpec.builder("where").build());
		assertThat(this.docket.await(task.id(), WAIT).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(virtual).isTrue();
	}

	@Test
	void needsADocketThatLeasesItsTasks() {
		Docket submitOnly = mock(Docket.class);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Worker("w", submitOnly, this.functions,
					new Worker.Settings(1, Duration.ofMinutes(5), Duration.ofSeconds(5), false), WorkerObserver.NONE))
			.withMessageContaining("does not implement DocketLeases");
	}

	private Worker worker(String id, int concurrency, Duration shutdownTimeout, boolean virtualThreads) {
		return new Worker(id, this.docket, this.functions,
				new Worker.Settings(concurrency, Duration.ofMinutes(5), shutdownTimeout, virtualThreads),
				WorkerObserver.NONE);
	}

	private void start(Worker worker) {
		if (!this.docket.isRunning()) {
			this.docket.start();
		}
		worker.start();
		this.workers.add(worker);
	}

	private static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
			Thread.sleep(10);
		}
	}

}
