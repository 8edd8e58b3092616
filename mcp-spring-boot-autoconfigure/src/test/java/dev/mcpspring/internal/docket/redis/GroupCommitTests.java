package dev.mcpspring.internal.docket.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
