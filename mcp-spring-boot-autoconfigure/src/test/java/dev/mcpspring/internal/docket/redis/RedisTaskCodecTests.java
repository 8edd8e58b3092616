package dev.mcpspring.internal.docket.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mcpspring.internal.docket.DocketKey;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.tasks.RetryPolicy;
import dev.mcpspring.tasks.TaskError;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskInput;
import dev.mcpspring.tasks.TaskResult;
import dev.mcpspring.tasks.TaskStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link RedisTaskCodec}: a task written as hash fields (as submitted, then with what the
 * docket's script sets as it runs) reads back field for field, by a codec that has seen
 * the task and by one that has not; secret metadata sealed with the {@link DocketKey}
 * comes back as sealed; missing or garbled fields fail.
 */
class RedisTaskCodecTests {

	private static final Instant CREATED = Instant.parse("2026-11-26T14:00:00.123456789Z");

	private final ObjectMapper mapper = McpJson.mapper();

	private final RedisTaskCodec codec = new RedisTaskCodec(this.mapper);

	@Test
	void everyFieldOfAFinishedTaskRoundTrips() {
		TaskInfo task = finished(fullTask());
		Map<String, String> fields = asStoredByTheScript(task, "idem-key", "purge-member");
		assertThat(this.codec.decode(fields)).isEqualTo(task);
		assertThat(new RedisTaskCodec(this.mapper).decode(fields)).isEqualTo(task);
	}

	@Test
	void aFinishedTaskRoundTripsThroughAnEvent() {
		TaskInfo task = finished(fullTask());
		String event = this.codec.writeEvent(task);
		assertThat(new RedisTaskCodec(this.mapper).readEvent(event)).isEqualTo(task);
		assertThat(this.codec.readEvent(event)).isEqualTo(task);
		// The same fields as the hash the script leaves (bar the docket's own keys)
		Map<String, String> stored = asStoredByTheScript(task, "idem-key", "purge-member");
		stored.remove(RedisTaskCodec.IDEMPOTENCY_KEY);
		stored.remove(RedisTaskCodec.PURGE);
		assertThat(this.mapper.readTree(event)).isEqualTo(this.mapper.valueToTree(stored));
	}

	@Test
	void specsAreKeptParsedUnlessTheyAreLarge() {
		TaskInfo small = fullTask();
		Map<String, String> fields = asStoredByTheScript(finished(small), "idem-key", "purge-member");
		RedisTaskCodec codec = new RedisTaskCodec(this.mapper);
		assertThat(codec.decode(fields).arguments()).isEqualTo(small.arguments());
		// Read once, kept: a spec never changes, so a changed field would not be read again
		fields.put(RedisTaskCodec.SPEC, fields.get(RedisTaskCodec.SPEC).replace("\"eu\"", "\"us\""));
		assertThat(codec.decode(fields).arguments()).isEqualTo(small.arguments());
		TaskInfo large = new TaskInfo("2a2b3c4d5e6f708192a3b4c5d6e7f801", small.function(),
				this.mapper.valueToTree(Map.of("text", "x".repeat(70_000), "region", "eu")), small.owner(),
				small.status(), small.statusMessage(), null, null, small.createdAt(), small.updatedAt(), small.runAt(),
				null, small.ttl(), small.attempts(), small.retry(), small.timeout(), null, null, null,
				small.metadata(), TaskInput.NONE);
		Map<String, String> largeFields = this.codec.encode(large, null, null);
		assertThat(codec.decode(largeFields).arguments()).isEqualTo(large.arguments());
		largeFields.put(RedisTaskCodec.SPEC, largeFields.get(RedisTaskCodec.SPEC).replace("\"eu\"", "\"us\""));
		assertThat(codec.decode(largeFields).arguments().get("region").asString()).isEqualTo("us");
	}

	@Test
	void submittedTaskWritesOneFieldPerChangingValueAndTheRestAsSpec() {
		TaskInfo task = fullTask();
		Map<String, String> fields = this.codec.encode(task, "idem-key", "purge-member");
		assertThat(fields).containsOnlyKeys(RedisTaskCodec.ID, RedisTaskCodec.SPEC, RedisTaskCodec.TTL,
				RedisTaskCodec.MAX_ATTEMPTS, RedisTaskCodec.IDEMPOTENCY_KEY, RedisTaskCodec.PURGE,
				RedisTaskCodec.STATUS, RedisTaskCodec.MESSAGE, RedisTaskCodec.UPDATED_AT, RedisTaskCodec.RUN_AT,
				RedisTaskCodec.ATTEMPTS);
		assertThat(fields).containsEntry(RedisTaskCodec.ID, task.id())
			.containsEntry(RedisTaskCodec.TTL, "3600000")
			.containsEntry(RedisTaskCodec.MAX_ATTEMPTS, "3")
			.containsEntry(RedisTaskCodec.IDEMPOTENCY_KEY, "idem-key")
			.containsEntry(RedisTaskCodec.PURGE, "purge-member")
			.containsEntry(RedisTaskCodec.STATUS, "working")
			.containsEntry(RedisTaskCodec.ATTEMPTS, "2")
			.containsEntry(RedisTaskCodec.RUN_AT, "1795701600500000000");
		assertThat(new RedisTaskCodec(this.mapper).decode(fields)).isEqualTo(task);
	}

	@Test
	void absentOptionalValuesStayAbsent() {
		TaskInfo task = new TaskInfo("0f".repeat(16), "report", null, null, TaskStatus.WORKING, null, null, null,
				CREATED, CREATED, CREATED, null, Duration.ofMinutes(5), 0, RetryPolicy.NONE, null, null, null, null,
				Map.of(), TaskInput.NONE);
		Map<String, String> fields = this.codec.encode(task, null, null);
		assertThat(fields).doesNotContainKeys(RedisTaskCodec.IDEMPOTENCY_KEY, RedisTaskCodec.PURGE,
				RedisTaskCodec.MESSAGE, RedisTaskCodec.PROGRESS, RedisTaskCodec.TOTAL, RedisTaskCodec.FINISHED_AT,
				RedisTaskCodec.RESULT, RedisTaskCodec.ERROR);
		TaskInfo read = new RedisTaskCodec(this.mapper).decode(fields);
		assertThat(read).isEqualTo(task);
		assertThat(read.owner()).isNull();
		assertThat(read.timeout()).isNull();
		assertThat(read.arguments()).isNull();
	}

	@Test
	void flatHashReplyReadsLikeTheMap() {
		TaskInfo task = finished(fullTask());
		Map<String, String> fields = asStoredByTheScript(task, null, null);
		List<Object> flat = new ArrayList<>();
		fields.forEach((name, value) -> {
			flat.add(name);
			flat.add(value);
		});
		assertThat(new RedisTaskCodec(this.mapper).decode(flat)).isEqualTo(task);
	}

	@Test
	void knownOutcomeIsUsedInsteadOfBeingReadAgain() {
		TaskInfo task = finished(fullTask());
		List<Object> flat = new ArrayList<>();
		asStoredByTheScript(task, null, null).forEach((name, value) -> {
			flat.add(name);
			flat.add(value);
		});
		TaskResult outcome = TaskResult.completed(task.result());
		assertThat(this.codec.decode(flat, outcome).result()).isSameAs(task.result());
	}

	@Test
	void timestampsKeepNanosecondsAndInstantsBeforeTheEpoch() {
		for (Instant instant : List.of(CREATED, Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999999999Z"),
				Instant.parse("1900-01-01T00:00:00.000000001Z"), Instant.parse("2262-04-11T23:47:16.854775807Z"))) {
			TaskInfo task = new TaskInfo("ab".repeat(16), "report", null, null, TaskStatus.WORKING, null, null, null,
					instant, instant, instant, null, Duration.ofMinutes(5), 0, RetryPolicy.NONE, null, null, null,
					null, Map.of(), TaskInput.NONE);
			assertThat(new RedisTaskCodec(this.mapper).decode(this.codec.encode(task, null, null)).createdAt())
				.isEqualTo(instant);
			assertThat(this.codec.decode(this.codec.encode(task, null, null)).runAt()).isEqualTo(instant);
		}
	}

	@Test
	void metadataSealedWithTheDocketKeyComesBackSealedAndOpens() {
		DocketKey key = DocketKey.fromBase64("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
		String sealed = key.seal("{\"authorization\":\"Bearer s3cret\"}", "task owner alice");
		TaskInfo task = withMetadata(fullTask(), Map.of("mcp.secrets", sealed, "plain", "visible"));
		Map<String, String> fields = this.codec.encode(task, null, null);
		assertThat(fields.get(RedisTaskCodec.SPEC)).doesNotContain("s3cret").contains(sealed);
		TaskInfo read = new RedisTaskCodec(this.mapper).decode(fields);
		assertThat(read.metadata()).containsExactlyInAnyOrderEntriesOf(task.metadata());
		assertThat(key.open(read.metadata().get("mcp.secrets"), "task owner alice"))
			.isEqualTo("{\"authorization\":\"Bearer s3cret\"}");
		assertThatIllegalStateException()
			.isThrownBy(() -> key.open(read.metadata().get("mcp.secrets"), "task owner mallory"));
		DocketKey other = DocketKey.fromBase64("ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=");
		assertThatIllegalStateException()
			.isThrownBy(() -> other.open(read.metadata().get("mcp.secrets"), "task owner alice"))
			.withMessageContaining("another mcp.tasks.encryption-key");
	}

	@Test
	void tamperedSealedMetadataFailsToOpen() {
		DocketKey key = DocketKey.fromBase64("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
		String sealed = key.seal("secret", "ctx");
		Map<String, String> fields = this.codec.encode(withMetadata(fullTask(), Map.of("s", sealed)), null, null);
		char last = sealed.charAt(sealed.length() - 2);
		String tampered = sealed.substring(0, sealed.length() - 2) + ((last == 'A') ? 'B' : 'A')
				+ sealed.charAt(sealed.length() - 1);
		fields.put(RedisTaskCodec.SPEC, fields.get(RedisTaskCodec.SPEC).replace(sealed, tampered));
		TaskInfo read = new RedisTaskCodec(this.mapper).decode(fields);
		assertThatIllegalStateException().isThrownBy(() -> key.open(read.metadata().get("s"), "ctx"))
			.withMessageContaining("failed authentication");
	}

	@Test
	void missingOrGarbledFieldsFail() {
		Map<String, String> fields = asStoredByTheScript(finished(fullTask()), null, null);
		assertFails(fields, RedisTaskCodec.TTL, null);
		assertFails(fields, RedisTaskCodec.ATTEMPTS, null);
		assertFails(fields, RedisTaskCodec.STATUS, null);
		assertFails(fields, RedisTaskCodec.SPEC, null);
		assertFails(fields, RedisTaskCodec.TTL, "an hour");
		assertFails(fields, RedisTaskCodec.STATUS, "exploded");
		assertFails(fields, RedisTaskCodec.UPDATED_AT, "yesterday");
		assertFails(fields, RedisTaskCodec.PROGRESS, "half");
		assertFails(fields, RedisTaskCodec.SPEC, "{\"function\":");
		assertFails(fields, RedisTaskCodec.SPEC, "{\"function\":\"report\"}");
		assertFails(fields, RedisTaskCodec.RESULT, "{not json");
		assertFails(fields, RedisTaskCodec.ERROR, "[1,2]");
	}

	@Test
	void writesResultAndErrorAsJsonOrNothing() {
		assertThat(this.codec.writeResult(null)).isNull();
		assertThat(this.codec.writeError(null)).isNull();
		assertThat(this.codec.writeResult(this.mapper.readTree("{\"a\":[1,\"x\"]}"))).isEqualTo("{\"a\":[1,\"x\"]}");
		assertThat(this.codec.writeError(new TaskError(-32603, "Boom", null)))
			.contains("\"code\":-32603")
			.contains("\"message\":\"Boom\"");
	}

	private void assertFails(Map<String, String> fields, String name, String value) {
		Map<String, String> changed = new LinkedHashMap<>(fields);
		if (value != null) {
			changed.put(name, value);
		}
		else {
			changed.remove(name);
		}
		assertThatException().as(name + "=" + value).isThrownBy(() -> new RedisTaskCodec(this.mapper).decode(changed));
	}

	private TaskInfo fullTask() {
		JsonNode arguments = this.mapper.readTree("{\"region\":\"eu\",\"limit\":10,\"tags\":[\"a\",\"b\"]}");
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		metadata.put("unicode", "caf\u00e9 \uD83D\uDE00");
		return new TaskInfo("1a2b3c4d5e6f708192a3b4c5d6e7f801", "report", arguments, "alice", TaskStatus.WORKING,
				"Queued", null, null, CREATED, CREATED.plusMillis(200), Instant.parse("2026-11-26T14:00:00.500Z"), null,
				Duration.ofHours(1), 2, new RetryPolicy(3, Duration.ofMillis(250), 2.5, Duration.ofSeconds(30)),
				Duration.ofSeconds(90), "order-7", null, null, Map.copyOf(metadata), TaskInput.NONE);
	}

	private TaskInfo finished(TaskInfo task) {
		return new TaskInfo(task.id(), task.function(), task.arguments(), task.owner(), TaskStatus.FAILED,
				"Half done", 0.5, 10.0, task.createdAt(), CREATED.plusSeconds(5), task.runAt(), CREATED.plusSeconds(5),
				task.ttl(), task.attempts(), task.retry(), task.timeout(), task.idempotencyKey(),
				this.mapper.readTree("{\"content\":[{\"type\":\"text\",\"text\":\"partial\"}]}"),
				new TaskError(-32603, "Report failed", null), task.metadata(), TaskInput.NONE);
	}

	private static TaskInfo withMetadata(TaskInfo task, Map<String, String> metadata) {
		return new TaskInfo(task.id(), task.function(), task.arguments(), task.owner(), task.status(),
				task.statusMessage(), task.progress(), task.total(), task.createdAt(), task.updatedAt(), task.runAt(),
				task.finishedAt(), task.ttl(), task.attempts(), task.retry(), task.timeout(), task.idempotencyKey(),
				task.result(), task.error(), metadata, task.input());
	}

	/**
	 * The fields of a task as the docket's script leaves them: the submitted fields, with
	 * what changed as the task ran set in fields of their own.
	 */
	private Map<String, String> asStoredByTheScript(TaskInfo task, String idempotencyKey, String purge) {
		Map<String, String> fields = this.codec.encode(task, idempotencyKey, purge);
		fields.put(RedisTaskCodec.STATUS, task.status().wireName());
		fields.put(RedisTaskCodec.MESSAGE, task.statusMessage());
		fields.put(RedisTaskCodec.PROGRESS, Double.toString(task.progress()));
		fields.put(RedisTaskCodec.TOTAL, Double.toString(task.total()));
		fields.put(RedisTaskCodec.FINISHED_AT, RedisTaskCodec.time(task.finishedAt()));
		fields.put(RedisTaskCodec.RESULT, this.codec.writeResult(task.result()));
		fields.put(RedisTaskCodec.ERROR, this.codec.writeError(task.error()));
		return fields;
	}

}
