package dev.mcpspring.internal.docket.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * {@link GroupCommit}: items queued while a call is in flight go together in the next.
 */
class GroupCommitTests {

	private final ExecutorService executor = Executors.newCachedThreadPool();

	@AfterEach
	void shutdown() {
		this.executor.shutdownNow();
	}

	@Test
	void itemsQueuedDuringACallGoTogetherInTheNextWithTheirOwnReplies() throws Exception {
		List<List<Integer>> batches = new CopyOnWriteArrayList<>();
		CountDownLatch release = new CountDownLatch(1);
		GroupCommit<Integer, String> commit = new GroupCommit<>((items) -> {
			batches.add(List.copyOf(items));
			if (batches.size() == 1) {
				awaitQuietly(release);
			}
			return items.stream().map((item) -> "reply " + item).toList();
		}, 3);
		Future<String> first = this.executor.submit(() -> commit.submit(0));
		await().until(() -> batches.size() == 1);
		List<Future<String>> others = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			int item = i;
			others.add(this.executor.submit(() -> commit.submit(item)));
		}
		Thread.sleep(200);
		release.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("reply 0");
		for (int i = 1; i <= 5; i++) {
			assertThat(others.get(i - 1).get(5, TimeUnit.SECONDS)).isEqualTo("reply " + i);
		}
		assertThat(batches).hasSize(3);
		assertThat(batches.get(0)).containsExactly(0);
		assertThat(batches.get(1)).hasSize(3);
		assertThat(batches.get(2)).hasSize(2);
		assertThat(batches.stream().flatMap(List::stream)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
	}

	@Test
	void manyCallersEachGetTheirOwnReplyInSharedCalls() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		GroupCommit<Integer, Integer> commit = new GroupCommit<>((items) -> {
			calls.incrementAndGet();
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
			return items.stream().map((item) -> -item).toList();
		}, 64);
		int callers = 32;
		int each = 200;
		List<Future<Integer>> mismatches = new ArrayList<>();
		for (int c = 0; c < callers; c++) {
			int first = c * each;
			mismatches.add(this.executor.submit(() -> {
				int wrong = 0;
				for (int item = first; item < first + each; item++) {
					if (commit.submit(item) != -item) {
						wrong++;
					}
				}
				return wrong;
			}));
		}
		for (Future<Integer> mismatch : mismatches) {
			assertThat(mismatch.get(30, TimeUnit.SECONDS)).isZero();
		}
		// 31 other callers have a whole call's time to queue their next items
		assertThat(calls.get()).isLessThan(callers * each / 2);
	}

	@Test
	void interruptedCallerStillGetsItsReplyAndKeepsTheInterrupt() throws Exception {
		CountDownLatch sending = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		GroupCommit<Integer, String> commit = new GroupCommit<>((items) -> {
			if (items.contains(0)) {
				sending.countDown();
				awaitQuietly(release);
			}
			return items.stream().map((item) -> "reply " + item).toList();
		}, 10);
		Future<String> leader = this.executor.submit(() -> commit.submit(0));
		assertThat(sending.await(5, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Boolean> interruptKept = new CompletableFuture<>();
		Thread follower = new Thread(() -> {
			String reply = commit.submit(1);
			interruptKept.complete(reply.equals("reply 1") && Thread.currentThread().isInterrupted());
		});
		follower.start();
		Thread.sleep(50);
		follower.interrupt();
		Thread.sleep(50);
		release.countDown();
		assertThat(leader.get(5, TimeUnit.SECONDS)).isEqualTo("reply 0");
		assertThat(interruptKept.get(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void failedCallFailsEveryItemOfItsBatchAndNoOther() throws Exception {
		GroupCommit<Integer, String> commit = new GroupCommit<>((items) -> {
			if (items.contains(1)) {
				throw new IllegalStateException("down");
			}
			return items.stream().map((item) -> "reply " + item).toList();
		}, 10);
		assertThatIllegalStateException().isThrownBy(() -> commit.submit(1)).withMessage("down");
		assertThat(commit.submit(2)).isEqualTo("reply 2");
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
