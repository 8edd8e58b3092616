package dev.mcpspring.abuse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import dev.mcpspring.internal.docket.DocketLimits;
import dev.mcpspring.tasks.ClaimedTask;
import dev.mcpspring.tasks.Docket;
import dev.mcpspring.tasks.DocketLeases;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskResult;
import dev.mcpspring.tasks.TaskSpec;
import dev.mcpspring.tasks.TaskStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every docket guarantees between owners and between workers: one owner's finished
 * tasks never push out another's, idempotency keys are the owner's own, and a worker
 * whose task was given to another can no longer write its progress or status.
 */
abstract class DocketFairnessContract<D extends Docket & DocketLeases> {

	static final DocketLimits LIMITS = new DocketLimits(100, 3, DataSize.ofMegabytes(1), DataSize.ofMegabytes(4), 100,
			3);

	static final Duration LEASE = Duration.ofMillis(400);

	/**
	 * Returns a started docket with {@link #LIMITS} and a lease of {@link #LEASE}.
	 * @return the docket
	 */
	abstract D docket();

	private ClaimedTask claim(D docket, String worker) throws InterruptedException {
		List<ClaimedTask> claimed = docket.claim(worker, 1, Duration.ofSeconds(10));
		assertThat(claimed).hasSize(1);
		return claimed.get(0);
	}

	private String runToEnd(D docket, String owner) throws InterruptedException {
		TaskInfo task = docket.submit(TaskSpec.builder("f").owner(owner).ttl(Duration.ofHours(1)).build());
		ClaimedTask claimed = claim(docket, "w");
		assertThat(claimed.task().id()).isEqualTo(task.id());
		docket.finish(claimed, TaskResult.completed(null));
		return task.id();
	}

	@Test
	void retainedLimitPurgesOnlyTheOwnersOwnOldestFinishedTasks() throws Exception {
		D docket = docket();
		List<String> bob = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			bob.add(runToEnd(docket, "bob"));
		}
		List<String> alice = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			alice.add(runToEnd(docket, "alice"));
		}
		assertThat(bob).as("bob's tasks, older than all of alice's").allMatch((id) -> docket.get(id).isPresent());
		assertThat(alice).filteredOn((id) -> docket.get(id).isPresent()).containsExactlyElementsOf(alice.subList(3, 6));
		assertThat(docket.list("alice", null, 10).tasks()).extracting(TaskInfo::id)
			.containsExactlyElementsOf(alice.subList(3, 6));
	}

	@Test
	void idempotencyKeysAreScopedToTheOwner() {
		D docket = docket();
		TaskInfo alice = docket.submit(TaskSpec.builder("f").owner("alice").idempotencyKey("report-1").build());
		TaskInfo bob = docket.submit(TaskSpec.builder("f").owner("bob").idempotencyKey("report-1").build());
		TaskInfo aliceAgain = docket.submit(TaskSpec.builder("f").owner("alice").idempotencyKey("report-1").build());
		assertThat(bob.id()).isNotEqualTo(alice.id());
		assertThat(bob.owner()).isEqualTo("bob");
		assertThat(aliceAgain.id()).isEqualTo(alice.id());
	}

	@Test
	void staleWorkerCannotOverwriteProgressOrStatusOfARedeliveredTask() throws Exception {
		D docket = docket();
		TaskInfo task = docket.submit(TaskSpec.builder("f").owner("alice").build());
		ClaimedTask stale = claim(docket, "w1");
		docket.progress(stale, 1.0, 10.0, "w1 step 1");
		// w1 stops renewing its lease; the task goes to w2
		ClaimedTask current = claim(docket, "w2");
		assertThat(current.task().id()).isEqualTo(task.id());
		assertThat(current.leaseId()).isNotEqualTo(stale.leaseId());
		docket.progress(current, 2.0, 10.0, "w2 step 2");
		docket.progress(stale, 9.0, 10.0, "w1 is stale");
		docket.setStatus(stale, TaskStatus.INPUT_REQUIRED, "w1 wants input");
		TaskInfo seen = docket.get(task.id()).orElseThrow();
		assertThat(seen.progress()).isEqualTo(2.0);
		assertThat(seen.statusMessage()).isEqualTo("w2 step 2");
		assertThat(seen.status()).isEqualTo(TaskStatus.WORKING);
		docket.setStatus(current, TaskStatus.INPUT_REQUIRED, "w2 wants input");
		assertThat(docket.get(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.INPUT_REQUIRED);
		docket.finish(current, TaskResult.completed(null));
	}

}
