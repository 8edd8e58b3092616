package dev.mcpspring.abuse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.mcpspring.internal.docket.DocketKey;
import dev.mcpspring.internal.docket.DocketLimits;
import dev.mcpspring.internal.docket.TaskFunctionRegistry;
import dev.mcpspring.internal.docket.Worker;
import dev.mcpspring.internal.docket.WorkerObserver;
import dev.mcpspring.internal.docket.redis.RedisDocket;
import dev.mcpspring.internal.docket.redis.RedisSubscription;
import dev.mcpspring.internal.docket.redis.RedisTestSupport;
import dev.mcpspring.internal.docket.redis.RequiresRedis;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.tasks.DocketListener;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskResult;
import dev.mcpspring.tasks.TaskSpec;
import dev.mcpspring.tasks.TaskStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Another application on the same Redis cannot forge a cancellation or a status: docket
 * events and relayed session messages carry an HMAC under the application's key, and a
 * message without a valid one is ignored (and counted). Real Redis.
 */
@RequiresRedis
class ForgedPubSubMessagesTests {

	private static final DocketKey OTHER_KEY = DocketKey.fromBase64("b3RoZXItYXBwbGljYXRpb24ta2V5LTMyLWJ5dGVzISE=");

	private final String name = RedisTestSupport.uniqueName("forged");

	private final LettuceConnectionFactory factory = RedisTestSupport.connectionFactory();

	private final List<Runnable> stops = new ArrayList<>();

	@AfterEach
	void stop() {
		for (int i = this.stops.size() - 1; i >= 0; i--) {
			this.stops.get(i).run();
		}
		RedisTestSupport.deleteKeys(this.factory, this.name);
		this.factory.destroy();
	}

	private RedisDocket docket() {
		RedisDocket docket = new RedisDocket(this.factory, McpJson.mapper(), this.name, Duration.ofHours(1),
				Duration.ofSeconds(30), RedisTestSupport.KEY, DocketLimits.DEFAULTS);
		docket.start();
		this.stops.add(docket::stop);
		return docket;
	}

	private void publish(String channel, String message) {
		new StringRedisTemplate(this.factory).convertAndSend(channel, message);
	}

	@Test
	void forgedCancelAndStatusAreIgnored() throws Exception {
		RedisDocket docket = docket();
		List<String> heard = new CopyOnWriteArrayList<>();
		docket.addListener(new DocketListener() {

			@Override
			public void onCancelRequested(String taskId) {
				heard.add("cancel " + taskId);
			}

			@Override
			public void onStatusChanged(TaskInfo task, boolean local) {
				heard.add(task.status().wireName() + (local ? " local" : " remote"));
			}

		});
		TaskFunctionRegistry functions = new TaskFunctionRegistry();
		functions.register("block", (task, execution) -> {
			while (!execution.isCancelled()) {
				Thread.sleep(10);
			}
			return TaskResult.completed(null);
		});
		Worker worker = new Worker("w", docket, functions, new Worker.Settings(2, Duration.ofSeconds(30),
				Duration.ofSeconds(1), false), WorkerObserver.NONE);
		worker.start();
		this.stops.add(worker::stop);
		TaskInfo task = docket.submit(TaskSpec.builder("block").build());
		await().atMost(Duration.ofSeconds(10)).until(() -> worker.runningCount() == 1);
		String events = this.name + ":events";
		String payload = task.id() + "\ncancelled";
		publish(events, "c\nattacker\n" + payload);
		publish(events, "AAAA\nc\nattacker\n" + payload);
		publish(events, RedisSubscription.message(OTHER_KEY, events, 'c', "attacker", payload));
		publish(events, RedisSubscription.message(OTHER_KEY, events, 's', "attacker", payload));
		publish(events, RedisSubscription.message(RedisTestSupport.KEY, this.name + ":sessions", 'c', "attacker",
				payload));
		await().atMost(Duration.ofSeconds(10)).until(() -> docket.rejectedEventCount() == 5);
		Thread.sleep(300);
		assertThat(heard).isEmpty();
		assertThat(worker.runningCount()).isEqualTo(1);
		assertThat(docket.get(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.WORKING);
		RedisDocket other = docket();
		other.cancel(task.id(), "genuine");
		await().atMost(Duration.ofSeconds(10)).until(() -> worker.runningCount() == 0);
		assertThat(heard).contains("cancel " + task.id());
	}

	@Test
	void relayedSessionMessagesNeedAValidCode() {
		String channel = this.name + ":sessions";
		List<String> received = new CopyOnWriteArrayList<>();
		RedisSubscription subscription = new RedisSubscription(this.factory, channel, "me", RedisTestSupport.KEY,
				(kind, payload) -> received.add(kind + " " + payload), "abuse-relay");
		subscription.start();
		this.stops.add(subscription::stop);
		await().atMost(Duration.ofSeconds(10)).until(subscription::isListening);
		publish(channel, "m\nattacker\nsession-1\n{\"forged\":true}");
		publish(channel, RedisSubscription.message(OTHER_KEY, channel, 'e', "attacker", "session-1\n"));
		publish(channel, RedisSubscription.message(RedisTestSupport.KEY, channel, 'm', "peer", "session-1\n{}"));
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
		assertThat(received).containsExactly("m session-1\n{}");
		assertThat(subscription.rejectedCount()).isEqualTo(2);
	}

}
