package dev.mcpspring.internal.docket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.mcpspring.tasks.DocketListener;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listeners of a docket are each told of every event, and one that throws neither
 * keeps the others from hearing it nor fails the docket.
 */
@ExtendWith(OutputCaptureExtension.class)
class DocketListenersTests {

	private final TaskInfo task = TaskInfo.submitted("0123456789abcdef0123456789abcdef", TaskSpec.builder("f").build(),
			null, Duration.ofMinutes(1), Instant.now());

	@Test
	void everyListenerHearsEveryEventInTheOrderTheyWereAdded() {
		List<String> heard = new ArrayList<>();
		DocketListeners listeners = new DocketListeners();
		listeners.add(new Recording("first", heard));
		listeners.add(new Recording("second", heard));
		listeners.onSubmitted(this.task);
		listeners.onStatusChanged(this.task, false);
		listeners.onRetry(this.task);
		listeners.onRedelivered(this.task);
		listeners.onCancelRequested(this.task.id());
		assertThat(heard).containsExactly("first submitted", "second submitted", "first status false",
				"second status false", "first retry", "second retry", "first redelivered", "second redelivered",
				"first cancel", "second cancel");
	}

	@Test
	void aFailingListenerIsLoggedAndTheOthersStillHear(CapturedOutput output) {
		List<String> heard = new ArrayList<>();
		DocketListeners listeners = new DocketListeners();
		listeners.add(new DocketListener() {

			@Override
			public void onStatusChanged(TaskInfo task, boolean local) {
				throw new IllegalStateException("listener broke");
			}

		});
		listeners.add(new Recording("after", heard));
		listeners.onStatusChanged(this.task, true);
		assertThat(heard).containsExactly("after status true");
		assertThat(output).contains("onStatusChanged of task " + this.task.id()).contains("listener broke");
	}

	private record Recording(String name, List<String> heard) implements DocketListener {

		@Override
		public void onSubmitted(TaskInfo task) {
			this.heard.add(this.name + " submitted");
		}

		@Override
		public void onStatusChanged(TaskInfo task, boolean local) {
			this.heard.add(this.name + " status " + local);
		}

		@Override
		public void onRetry(TaskInfo task) {
			this.heard.add(this.name + " retry");
		}

		@Override
		public void onRedelivered(TaskInfo task) {
			this.heard.add(this.name + " redelivered");
		}

		@Override
		public void onCancelRequested(String taskId) {
			this.heard.add(this.name + " cancel");
		}

	}

}
