package dev.mcpspring.internal.session.redis;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.mcpspring.internal.docket.redis.RedisTestSupport;
import dev.mcpspring.internal.docket.redis.RequiresRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resource subscriptions in Redis: the limit per session, the subscribers of a URI, and
 * nothing left once the session ends.
 */
@RequiresRedis
class RedisResourceSubscriptionStoreTests {

	private final String name = RedisTestSupport.uniqueName("subscriptions");

	private final LettuceConnectionFactory connectionFactory = RedisTestSupport.connectionFactory();

	private final RedisResourceSubscriptionStore store = new RedisResourceSubscriptionStore(this.connectionFactory,
			this.name, Duration.ofMinutes(5));

	@AfterEach
	void deleteKeys() {
		RedisTestSupport.deleteKeys(this.connectionFactory, this.name);
		this.connectionFactory.destroy();
	}

	@Test
	void sessionsSubscribeWithinTheLimitAndLeaveNothingWhenTheyEnd() {
		assertThat(this.store.subscribe("s1", "a://1", 2)).isTrue();
		assertThat(this.store.subscribe("s1", "a://2", 2)).isTrue();
		assertThat(this.store.subscribe("s1", "a://3", 2)).isFalse();
		assertThat(this.store.subscribe("s1", "a://2", 2)).isTrue();
		assertThat(this.store.subscribe("s2", "a://2", 2)).isTrue();
		assertThat(this.store.subscribers("a://2")).containsExactlyInAnyOrder("s1", "s2");
		assertThat(this.store.subscribers("a://3")).isEmpty();
		this.store.unsubscribe("s1", "a://2");
		assertThat(this.store.subscribers("a://2")).containsExactly("s2");
		assertThat(this.store.subscribe("s1", "a://3", 2)).isTrue();
		assertThat(new StringRedisTemplate(this.connectionFactory).getExpire(this.name + ":subs:s1")).isPositive()
			.isLessThanOrEqualTo(300);
		this.store.remove("s1");
		this.store.remove("s2");
		assertThat(this.store.subscribers("a://1")).isEmpty();
		assertThat(new StringRedisTemplate(this.connectionFactory).keys(this.name + ":*")).isEmpty();
	}

}
