package dev.mcpspring.abuse;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import dev.mcpspring.internal.docket.redis.RedisTestSupport;
import dev.mcpspring.internal.docket.redis.RequiresRedis;
import dev.mcpspring.internal.session.McpSession;
import dev.mcpspring.internal.session.McpSessionStore;
import dev.mcpspring.internal.session.McpSessionStreams;
import dev.mcpspring.internal.session.redis.RedisMcpSessionStore;
import dev.mcpspring.internal.web.SessionEventStreams;
import dev.mcpspring.scaleout.ScaleOutNodes;
import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With sessions in Redis, two instances of one application: a session that ends on one
 * instance (deleted, evicted by {@code mcp.server.max-sessions}, or expired) frees its
 * streams on the other instance too.
 */
@RequiresRedis
class RedisSessionsFreedOnEveryInstanceTests {

	private static final String NAME = RedisTestSupport.uniqueName("sessions-freed");

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final long STALENESS = RedisMcpSessionStore.MAX_STALENESS_MILLIS + 20;

	private static final ScaleOutNodes nodes = new ScaleOutNodes(NAME);

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void startInstances() {
		String[] properties = { "mcp.worker.enabled=false", "mcp.server.session-timeout=3s",
				"mcp.server.max-sessions=3" };
		a = nodes.start(properties);
		b = nodes.start(properties);
	}

	@AfterAll
	static void stopInstances() {
		nodes.close();
	}

	@Test
	void aSessionDeletedOnOneInstanceFreesItsStreamsOnTheOther() {
		McpTestClient onA = client(a);
		onA.connect();
		McpTestClient onB = sameSession(onA, b);
		try (McpEventStream stream = onB.openStream()) {
			stream.next(WAIT);
			assertThat(b.getBean(SessionEventStreams.class).sessionCount()).isEqualTo(1);
			assertThat(b.getBean(SessionEventStreams.class).openConnections()).isEqualTo(1);

			assertThat(onA.delete().status()).isEqualTo(204);

			stream.awaitEnd(WAIT);
			await().atMost(WAIT).untilAsserted(() -> assertFreed(b));
			assertFreed(a);
			assertThat(onB.request("ping", null).status()).isEqualTo(404);
		}
	}

	@Test
	void aSessionThatExpiresIsFreedOnEveryInstance() {
		McpTestClient onA = client(a);
		onA.connect();
		McpTestClient onB = sameSession(onA, b);
		try (McpEventStream streamOnA = onA.openStream(); McpEventStream streamOnB = onB.openStream()) {
			streamOnA.next(WAIT);
			streamOnB.next(WAIT);

			streamOnA.awaitEnd(WAIT);
			streamOnB.awaitEnd(WAIT);
			await().atMost(WAIT).untilAsserted(() -> {
				assertFreed(a);
				assertFreed(b);
				assertThat(a.getBean(McpSessionStore.class).count()).isZero();
			});
		}
	}

	@Test
	void anIdleSessionIsRefusedOnBothInstancesOnceExpired() throws Exception {
		McpTestClient onA = client(a);
		onA.connect();
		McpTestClient onB = sameSession(onA, b);
		assertThat(onB.request("ping", null).status()).isEqualTo(200);
		assertThat(onA.request("ping", null).status()).isEqualTo(200);
		assertThat(onB.request("ping", null).status()).isEqualTo(200);

		// expiry counts from the last renewal in Redis, at or before the last use, and each
		// instance reads a cached session again within RedisMcpSessionStore.MAX_STALENESS_MILLIS
		Thread.sleep(3050);

		assertThat(onB.request("ping", null).status()).isEqualTo(404);
		assertThat(onA.request("ping", null).status()).isEqualTo(404);
	}

	@Test
	void aNewSessionBeyondTheMaximumEndsTheLeastRecentlyUsedOneOnEveryInstance() throws Exception {
		McpSessionStore store = a.getBean(McpSessionStore.class);
		await().atMost(WAIT).until(() -> store.count() == 0);
		McpTestClient oldest = client(a);
		oldest.connect();
		McpTestClient second = client(b);
		second.connect();
		McpTestClient third = client(a);
		third.connect();
		try (McpEventStream oldestStreamOnB = sameSession(oldest, b).openStream()) {
			oldestStreamOnB.next(WAIT);
			// uses renew a session in Redis at most once per staleness bound of the cache
			Thread.sleep(STALENESS);
			assertThat(second.request("ping", null).status()).isEqualTo(200);
			assertThat(third.request("ping", null).status()).isEqualTo(200);
			Thread.sleep(STALENESS);

			McpTestClient newest = client(a);
			newest.connect();

			oldestStreamOnB.awaitEnd(WAIT);
			assertThat(oldest.request("ping", null).status()).isEqualTo(404);
			assertThat(second.request("ping", null).status()).isEqualTo(200);
			assertThat(newest.request("ping", null).status()).isEqualTo(200);
			assertThat(store.count()).isEqualTo(3);
			await().atMost(WAIT).until(() -> b.getBean(SessionEventStreams.class).sessionCount() == 0);
		}
	}

	@Test
	void theSessionsPrincipalIsKeptInRedis() {
		McpSession session = new McpSession("principal-" + System.nanoTime(), McpTestClient.LATEST_VERSION, null,
				null, null, Instant.now(), "alice");
		a.getBean(McpSessionStore.class).save(session);
		assertThat(b.getBean(McpSessionStore.class).find(session.id())).get()
			.extracting(McpSession::principal)
			.isEqualTo("alice");
		a.getBean(McpSessionStore.class).delete(session.id());
	}

	private static void assertFreed(ConfigurableApplicationContext instance) {
		assertThat(instance.getBean(SessionEventStreams.class).sessionCount()).isZero();
		assertThat(instance.getBean(SessionEventStreams.class).openConnections()).isZero();
		assertThat(instance.getBean(McpSessionStreams.class).sessionCount()).isZero();
	}

	private static McpTestClient client(ConfigurableApplicationContext instance) {
		return McpTestClient.forLocalServer(ScaleOutNodes.port(instance));
	}

	private static McpTestClient sameSession(McpTestClient client, ConfigurableApplicationContext instance) {
		return client(instance).sessionId(client.sessionId()).protocolVersion(client.protocolVersion());
	}

}
