package dev.mcpspring.internal.session.redis;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.mcpspring.internal.docket.redis.RedisTestSupport;
import dev.mcpspring.internal.docket.redis.RequiresRedis;
import dev.mcpspring.internal.session.McpStreamJournal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events of SSE streams in Redis: sequences without gaps from any writer, bounded
 * with {@code MAXLEN}, expiring with the session.
 */
@RequiresRedis
class RedisStreamJournalTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private final String name = RedisTestSupport.uniqueName("journal");

	private final LettuceConnectionFactory connectionFactory = RedisTestSupport.connectionFactory();

	private final StringRedisTemplate redis = new StringRedisTemplate(this.connectionFactory);

	private final RedisStreamJournal journal = new RedisStreamJournal(this.connectionFactory, this.name,
			RedisTestSupport.KEY, TIMEOUT, 10);

	@AfterEach
	void deleteKeys() {
		RedisTestSupport.deleteKeys(this.connectionFactory, this.name);
		this.connectionFactory.destroy();
	}

	@Test
	void standaloneStreamIsOnePerSessionTakesMessagesFromAnyWriterAndEndsWithIt() {
		assertThat(this.journal.appendToStandalone("s1", "{}")).isFalse();
		assertThat(this.journal.standaloneId("s1")).isNull();
		String id = this.journal.standalone("s1", "a1");
		assertThat(id).isEqualTo("a1");
		assertThat(this.journal.standalone("s1", "b2")).isEqualTo("a1");
		assertThat(this.journal.lastSequence("s1", "a1")).isZero();
		assertThat(this.journal.appendToStandalone("s1", "{\"n\":1}")).isTrue();
		// another writer that knows an older sequence still gets the next one
		assertThat(this.journal.append("s1", "a1", 0, "{\"n\":2}", false)).isEqualTo(2);
		assertThat(this.journal.read("s1", "a1", 0, 10)).containsExactly(
				new McpStreamJournal.Event(1, "{\"n\":1}", false), new McpStreamJournal.Event(2, "{\"n\":2}", false));
		assertThat(this.journal.read("s1", "a1", 1, 10)).extracting(McpStreamJournal.Event::sequence)
			.containsExactly(2L);
		assertThat(this.journal.lastSequence("s2", "a1")).isEqualTo(-1);
		assertThat(this.journal.read("s2", "a1", 0, 10)).isEmpty();
		assertThat(this.redis.getExpire(this.name + ":sse:s1:a1")).isPositive().isLessThanOrEqualTo(300);
		assertThat(this.redis.getExpire(this.name + ":sse:s1")).isPositive().isLessThanOrEqualTo(300);
		this.journal.append("s1", "p1", 0, "{}", true);
		this.journal.append("s1", "p2", 0, "{}", true);
		this.journal.delete("s1", List.of("p1"));
		assertThat(this.journal.lastSequence("s1", "p1")).isEqualTo(-1);
		assertThat(this.journal.lastSequence("s1", "p2")).isEqualTo(1);
		assertThat(this.redis.opsForHash().keys(this.name + ":sse:s1")).containsOnly("standalone", "a1", "p2");
		this.journal.delete("s1");
		assertThat(this.redis.keys(this.name + ":*")).isEmpty();
		assertThat(this.journal.appendToStandalone("s1", "{}")).isFalse();
	}

	@Test
	void streamKeepsAboutTheReplayBufferAndItsSequencesGoOnAfterExpiry() {
		for (int i = 1; i <= 500; i++) {
			this.journal.append("s1", "r1", i - 1, "{}", i == 500);
		}
		assertThat(this.redis.opsForStream().size(this.name + ":sse:s1:r1")).isLessThan(500);
		List<McpStreamJournal.Event> events = this.journal.read("s1", "r1", 0, 1000);
		assertThat(events.get(0).sequence()).isGreaterThan(1);
		assertThat(events.get(events.size() - 1)).isEqualTo(new McpStreamJournal.Event(500, "{}", true));
		this.redis.delete(this.name + ":sse:s1:r1");
		assertThat(this.journal.append("s1", "r1", 500, "{}", false)).isEqualTo(501);
	}

}
