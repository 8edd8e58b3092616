package dev.mcpspring.scaleout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import dev.mcpspring.LoggingLevel;
import dev.mcpspring.internal.docket.redis.RedisTestSupport;
import dev.mcpspring.internal.docket.redis.RequiresRedis;
import dev.mcpspring.internal.session.McpSession;
import dev.mcpspring.internal.session.redis.RedisMcpSessionStore;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances that cache the sessions they read from Redis: a session deleted or
 * changed on one instance is refused or seen changed on the other within
 * {@link RedisMcpSessionStore#MAX_STALENESS_MILLIS} (a request started that long after the
 * change sees it, whether or not the pub/sub message arrived), and usually at once, over
 * pub/sub. The cache holds only sessions found in Redis, at most
 * {@code mcp.server.session-cache-size}.
 */
@RequiresRedis
class SessionCacheAcrossInstancesTests {

	private static final String NAME = RedisTestSupport.uniqueName("session-cache");

	private static final int CACHE_SIZE = 5;

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final ScaleOutNodes nodes = new ScaleOutNodes(NAME);

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void startInstances() {
		a = nodes.start("mcp.worker.enabled=false", "mcp.server.session-cache-size=" + CACHE_SIZE);
		b = nodes.start("mcp.worker.enabled=false", "mcp.server.session-cache-size=" + CACHE_SIZE);
	}

	@AfterAll
	static void stopInstances() {
		nodes.close();
	}

	@Test
	void aSessionDeletedOnOneInstanceIsRefusedOnTheOtherWithinTheBound() {
		McpTestClient onA = client(a);
		onA.connect();
		McpTestClient onB = sameSession(onA, b);
		assertThat(onB.request("ping", null).status()).isEqualTo(200);
		assertThat(onB.request("ping", null).status()).isEqualTo(200);
		assertThat(store(b).isCached(onA.sessionId())).isTrue();

		assertThat(onA.delete().status()).isEqualTo(204);

		int status = pingUntilRefusedOrBoundPassed(onB);
		if (status == 200) {
			// a request that starts after the bound must be refused
			status = onB.request("ping", null).status();
		}
		assertThat(status).isEqualTo(404);
		assertThat(onB.request("ping", null).status()).isEqualTo(404);
		assertThat(onA.request("ping", null).status()).isEqualTo(404);
	}

	@Test
	void aDeletionDropsTheSessionFromTheOtherInstancesCacheWithoutARequestThere() {
		McpTestClient onA = client(a);
		onA.connect();
		assertThat(sameSession(onA, b).request("ping", null).status()).isEqualTo(200);
		assertThat(store(b).isCached(onA.sessionId())).isTrue();

		assertThat(onA.delete().status()).isEqualTo(204);

		// B's sweep would notice too, but only after 30 s (a quarter of the session timeout)
		await().atMost(WAIT).until(() -> !store(b).isCached(onA.sessionId()));
	}

	@Test
	void aLogLevelChangedOnOneInstanceIsSeenOnTheOther() {
		McpTestClient onA = client(a);
		onA.connect();
		String id = onA.sessionId();
		assertThat(sameSession(onA, b).request("ping", null).status()).isEqualTo(200);
		assertThat(store(b).find(id)).get().extracting(McpSession::logLevel).isNull();

		assertThat(onA.request("logging/setLevel", Map.of("level", "error")).status()).isEqualTo(200);

		await().atMost(WAIT).until(() -> !store(b).isCached(id));
		assertThat(store(b).find(id)).get().extracting(McpSession::logLevel).isEqualTo(LoggingLevel.ERROR);
		onA.delete();
	}

	@Test
	void theCacheStaysBoundedAndHoldsOnlySessionsFoundInRedis() {
		List<McpTestClient> clients = new ArrayList<>();
		for (int i = 0; i < 4 * CACHE_SIZE; i++) {
			McpTestClient onA = client(a);
			onA.connect();
			clients.add(onA);
			assertThat(sameSession(onA, b).request("ping", null).status()).isEqualTo(200);
			assertThat(store(b).cachedCount()).isLessThanOrEqualTo(CACHE_SIZE);
		}
		for (McpTestClient onA : clients) {
			assertThat(sameSession(onA, b).request("ping", null).status()).isEqualTo(200);
		}
		for (int i = 0; i < 50; i++) {
			String id = "unknown-" + i + "-" + System.nanoTime();
			McpResponse unknown = client(b).sessionId(id)
				.protocolVersion(McpTestClient.LATEST_VERSION)
				.request("ping", null);
			assertThat(unknown.status()).isEqualTo(404);
			assertThat(store(b).isCached(id)).isFalse();
		}
		assertThat(store(b).cachedCount()).isLessThanOrEqualTo(CACHE_SIZE);
		for (McpTestClient onA : clients) {
			sameSession(onA, b).delete();
		}
	}

	/**
	 * Pings until refused or until a ping started {@link RedisMcpSessionStore#MAX_STALENESS_MILLIS}
	 * after the deletion completed.
	 */
	private static int pingUntilRefusedOrBoundPassed(McpTestClient client) {
		long bound = System.nanoTime() + Duration.ofMillis(RedisMcpSessionStore.MAX_STALENESS_MILLIS).toNanos();
		int status;
		do {
			status = client.request("ping", null).status();
		}
		while (status == 200 && System.nanoTime() < bound);
		return status;
	}

	private static RedisMcpSessionStore store(ConfigurableApplicationContext instance) {
		return instance.getBean(RedisMcpSessionStore.class);
	}

	private static McpTestClient client(ConfigurableApplicationContext instance) {
		return McpTestClient.forLocalServer(ScaleOutNodes.port(instance));
	}

	private static McpTestClient sameSession(McpTestClient client, ConfigurableApplicationContext instance) {
		return client(instance).sessionId(client.sessionId()).protocolVersion(client.protocolVersion());
	}

}
