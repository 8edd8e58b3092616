package dev.mcpspring.internal.docket.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;
import org.springframework.util.Assert;

import dev.mcpspring.tasks.RetryPolicy;
import dev.mcpspring.tasks.TaskError;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskInput;
import dev.mcpspring.tasks.TaskResult;
import dev.mcpspring.tasks.TaskStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link TaskInfo} as the fields of a Redis hash and reads it back. What never
 * changes after submission is one JSON field ({@code spec}); what changes is kept in
 * fields of its own, so that the docket's Lua script can check and set them without
 * parsing JSON. Timestamps are nanoseconds since the epoch (exact, and quick to read),
 * durations milliseconds. The specs of recently seen tasks are kept parsed, since every
 * change of a task is read back: up to 10,000 of them and 8M characters of JSON, none
 * larger than 64K characters (task arguments may be far larger), so that the cache stays
 * small whatever clients submit.
 */
final class RedisTaskCodec {

	private static final int SPEC_CACHE_SIZE = 10_000;

	private static final long SPEC_CACHE_CHARS = 8L * 1024 * 1024;

	private static final int SPEC_CACHE_ENTRY_CHARS = 64 * 1024;

	private final Map<String, Spec> specs = new ConcurrentHashMap<>();

	private long cachedChars;

	static final String ID = "id";

	static final String SPEC = "spec";

	static final String TTL = "ttl";

	static final String MAX_ATTEMPTS = "maxAttempts";

	static final String IDEMPOTENCY_KEY = "idem";

	static final String PURGE = "purge";

	static final String STATUS = "status";

	static final String MESSAGE = "message";

	static final String PROGRESS = "progress";

	static final String TOTAL = "total";

	static final String UPDATED_AT = "updatedAt";

	static final String RUN_AT = "runAt";

	static final String FINISHED_AT = "finishedAt";

	static final String ATTEMPTS = "attempts";

	static final String RESULT = "result";

	static final String ERROR = "error";

	static final String LEASE = "lease";

	static final String WORKER = "worker";

	/** Prefix of the fields of unanswered input requests, one per key. */
	static final String REQUEST = "in:";

	/** Prefix of the fields of input answers, one per key. */
	static final String RESPONSE = "ans:";

	/** The number of unanswered input requests. */
	static final String WAITING = "inputs";

	private final ObjectMapper mapper;

	RedisTaskCodec(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Returns the hash fields of a newly submitted task.
	 * @param task the task
	 * @param idempotencyKey the Redis key of its idempotency key, or {@code null}
	 * @param purge the member of the expiries set that tidies its owner index, or
	 * {@code null}
	 * @return the fields, in order
	 */
	Map<String, String> encode(TaskInfo task, @Nullable String idempotencyKey, @Nullable String purge) {
		String spec = this.mapper.writeValueAsString(spec(task));
		Map<String, String> fields = fields(task, spec);
		putIfNotNull(fields, IDEMPOTENCY_KEY, idempotencyKey);
		putIfNotNull(fields, PURGE, purge);
		task.input().responses().forEach((key, answer) -> fields.put(RESPONSE + key, write(answer)));
		remember(task.id(), new Spec(task.function(), task.arguments(), task.owner(), task.createdAt(), task.retry(),
				task.timeout(), task.idempotencyKey(), task.metadata(), spec));
		return fields;
	}

	/**
	 * Writes a finished task as an event carries it to other processes: the fields of its
	 * hash, as one JSON object, so that they need not read the hash.
	 * @param task the task
	 * @return the JSON
	 * @see #readEvent(String)
	 */
	String writeEvent(TaskInfo task) {
		Spec known = this.specs.get(task.id());
		Map<String, String> fields = fields(task,
				(known != null) ? known.json() : this.mapper.writeValueAsString(spec(task)));
		putIfNotNull(fields, PROGRESS, (task.progress() != null) ? task.progress().toString() : null);
		putIfNotNull(fields, TOTAL, (task.total() != null) ? task.total().toString() : null);
		putIfNotNull(fields, FINISHED_AT, (task.finishedAt() != null) ? time(task.finishedAt()) : null);
		putIfNotNull(fields, RESULT, writeResult(task.result()));
		putIfNotNull(fields, ERROR, writeError(task.error()));
		return this.mapper.writeValueAsString(fields);
	}

	/**
	 * Reads a task that an event carried.
	 * @param json what {@link #writeEvent(TaskInfo)} wrote
	 * @return the task
	 */
	TaskInfo readEvent(String json) {
		Map<String, String> fields = new HashMap<>();
		this.mapper.readTree(json).properties().forEach((field) -> fields.put(field.getKey(), field.getValue().asString()));
		return decode(fields);
	}

	private static Map<String, String> fields(TaskInfo task, String spec) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(ID, task.id());
		fields.put(SPEC, spec);
		fields.put(TTL, Long.toString(task.ttl().toMillis()));
		fields.put(MAX_ATTEMPTS, Integer.toString(task.retry().maxAttempts()));
		fields.put(STATUS, task.status().wireName());
		putIfNotNull(fields, MESSAGE, task.statusMessage());
		fields.put(UPDATED_AT, time(task.updatedAt()));
		fields.put(RUN_AT, time(task.runAt()));
		fields.put(ATTEMPTS, Integer.toString(task.attempts()));
		return fields;
	}

	/**
	 * Writes an input request or answer as a hash field value.
	 * @param value the request or answer
	 * @return the JSON
	 */
	String write(JsonNode value) {
		return this.mapper.writeValueAsString(value);
	}

	/**
	 * Writes a timestamp as a hash field value: nanoseconds since the epoch.
	 * @param instant the timestamp
	 * @return the value
	 */
	static String time(Instant instant) {
		return Long.toString(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
	}

	@Contract("!null -> !null")
	private static @Nullable Instant instant(@Nullable String value) {
		if (value == null) {
			return null;
		}
		long nanos = Long.parseLong(value);
		return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
	}

	private ObjectNode spec(TaskInfo task) {
		ObjectNode spec = this.mapper.createObjectNode();
		spec.put("function", task.function());
		spec.set("arguments", task.arguments());
		spec.put("owner", task.owner());
		spec.put("createdAt", time(task.createdAt()));
		RetryPolicy retry = task.retry();
		ObjectNode policy = spec.putObject("retry");
		policy.put("maxAttempts", retry.maxAttempts());
		policy.put("delay", retry.delay().toMillis());
		policy.put("multiplier", retry.multiplier());
		policy.put("maxDelay", retry.maxDelay().toMillis());
		if (task.timeout() != null) {
			spec.put("timeout", task.timeout().toMillis());
		}
		spec.put("idempotencyKey", task.idempotencyKey());
		ObjectNode metadata = spec.putObject("metadata");
		task.metadata().forEach(metadata::put);
		return spec;
	}

	/**
	 * Reads a task from the flat field/value list that {@code HGETALL} answers in a script.
	 * @param flat the fields and values, alternating
	 * @return the task
	 */
	TaskInfo decode(List<?> flat) {
		return decode(flat, null);
	}

	/**
	 * Reads a task from the flat field/value list that {@code HGETALL} answers in a
	 * script, with the outcome of its run known already (not read again).
	 * @param flat the fields and values, alternating
	 * @param outcome how the run ended, or {@code null}
	 * @return the task
	 */
	TaskInfo decode(List<?> flat, @Nullable TaskResult outcome) {
		Map<String, String> fields = new HashMap<>(flat.size());
		for (int i = 0; i + 1 < flat.size(); i += 2) {
			fields.put((String) flat.get(i), (String) flat.get(i + 1));
		}
		return decode(fields, outcome);
	}

	/**
	 * Reads a task from its hash fields.
	 * @param fields the fields
	 * @return the task
	 */
	TaskInfo decode(Map<String, String> fields) {
		return decode(fields, null);
	}

	private TaskInfo decode(Map<String, String> fields, @Nullable TaskResult outcome) {
		String id = required(fields, ID);
		Spec spec = this.specs.get(id);
		if (spec == null) {
			spec = readSpec(required(fields, SPEC));
			remember(id, spec);
		}
		String result = fields.get(RESULT);
		String error = fields.get(ERROR);
		JsonNode resultNode = (result == null) ? null
				: (outcome != null && outcome.result() != null) ? outcome.result() : this.mapper.readTree(result);
		TaskError errorValue = (error == null) ? null
				: (outcome != null && outcome.error() != null) ? outcome.error()
						: this.mapper.readValue(error, TaskError.class);
		return new TaskInfo(id, spec.function(), spec.arguments(), spec.owner(),
				TaskStatus.fromWireName(required(fields, STATUS)), fields.get(MESSAGE), number(fields.get(PROGRESS)),
				number(fields.get(TOTAL)), spec.createdAt(), instant(required(fields, UPDATED_AT)),
				instant(required(fields, RUN_AT)), instant(fields.get(FINISHED_AT)),
				Duration.ofMillis(Long.parseLong(fields.get(TTL))), Integer.parseInt(fields.get(ATTEMPTS)), spec.retry(),
				spec.timeout(), spec.idempotencyKey(), resultNode, errorValue, spec.metadata(), input(fields));
	}

	/**
	 * Reads the input fields of a task; a finished task has none to offer (its answers
	 * stay in the hash until it expires, but are of no more use).
	 */
	private TaskInput input(Map<String, String> fields) {
		if (TaskStatus.fromWireName(required(fields, STATUS)).isTerminal()) {
			return TaskInput.NONE;
		}
		Map<String, JsonNode> requests = new TreeMap<>();
		Map<String, JsonNode> responses = new TreeMap<>();
		fields.forEach((field, value) -> {
			if (field.startsWith(REQUEST)) {
				requests.put(field.substring(REQUEST.length()), this.mapper.readTree(value));
			}
			else if (field.startsWith(RESPONSE)) {
				responses.put(field.substring(RESPONSE.length()), this.mapper.readTree(value));
			}
		});
		return (requests.isEmpty() && responses.isEmpty()) ? TaskInput.NONE : new TaskInput(requests, responses);
	}

	private static String required(Map<String, String> fields, String field) {
		String value = fields.get(field);
		Assert.state(value != null, () -> "A task hash lacks its '" + field + "' field");
		return value;
	}

	private Spec readSpec(String text) {
		JsonNode spec = this.mapper.readTree(text);
		JsonNode retry = spec.get("retry");
		RetryPolicy policy = new RetryPolicy(retry.get("maxAttempts").asInt(),
				Duration.ofMillis(retry.get("delay").asLong()), retry.get("multiplier").asDouble(),
				Duration.ofMillis(retry.get("maxDelay").asLong()));
		JsonNode timeout = spec.get("timeout");
		Map<String, String> metadata = new LinkedHashMap<>();
		spec.get("metadata").properties().forEach((entry) -> metadata.put(entry.getKey(), entry.getValue().asString()));
		JsonNode arguments = spec.get("arguments");
		return new Spec(spec.get("function").asString(), (arguments != null && !arguments.isNull()) ? arguments : null,
				text(spec, "owner"), instant(spec.get("createdAt").asString()), policy,
				(timeout != null && !timeout.isNull()) ? Duration.ofMillis(timeout.asLong()) : null,
				text(spec, "idempotencyKey"), Map.copyOf(metadata), text);
	}

	private synchronized void remember(String id, Spec spec) {
		if (spec.json().length() > SPEC_CACHE_ENTRY_CHARS) {
			return;
		}
		if (this.specs.size() >= SPEC_CACHE_SIZE || this.cachedChars + spec.json().length() > SPEC_CACHE_CHARS) {
			this.specs.clear();
			this.cachedChars = 0;
		}
		this.specs.put(id, spec);
		this.cachedChars += spec.json().length();
	}

	@Nullable String writeResult(@Nullable JsonNode result) {
		return (result != null) ? this.mapper.writeValueAsString(result) : null;
	}

	@Nullable String writeError(@Nullable TaskError error) {
		return (error != null) ? this.mapper.writeValueAsString(error) : null;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && !value.isNull()) ? value.asString() : null;
	}

	/**
	 * Reads a number field.
	 * @param value the field's value; {@code null} or empty when the task has none
	 * @return the number, or {@code null}
	 */
	static @Nullable Double number(@Nullable String value) {
		return (value != null && !value.isEmpty()) ? Double.valueOf(value) : null;
	}

	/**
	 * What never changes after a task is submitted, read and as JSON.
	 */
	private record Spec(String function, @Nullable JsonNode arguments, @Nullable String owner, Instant createdAt,
			RetryPolicy retry, @Nullable Duration timeout, @Nullable String idempotencyKey,
			Map<String, String> metadata, String json) {
	}

	private static void putIfNotNull(Map<String, String> fields, String name, @Nullable String value) {
		if (value != null) {
			fields.put(name, value);
		}
	}

}
