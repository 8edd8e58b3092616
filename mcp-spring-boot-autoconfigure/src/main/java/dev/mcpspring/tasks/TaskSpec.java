package dev.mcpspring.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import tools.jackson.databind.JsonNode;

/**
 * What to run in the background: a named function, its JSON arguments, and how to run
 * it. Only data, so that any docket (in memory or shared) can carry it to any worker.
 *
 * @param function the name of the function to run
 * @param arguments the arguments: a JSON node, or any value the docket can write as JSON
 * @param owner who may see and cancel the task, or {@code null} for nobody but the
 * application
 * @param ttl how long the task is kept after it finishes, or {@code null} for the
 * docket's default
 * @param runAt when to run it, or {@code null} for now
 * @param idempotencyKey submissions with the same key make one task, or {@code null}
 * @param retry how to retry a failed run
 * @param timeout the longest a run may take, or {@code null} for no limit
 * @param metadata strings carried to the worker (session, propagated headers, ...)
 * @param inputResponses answers the task starts with, by key (see {@link TaskInput})
 */
public record TaskSpec(String function, @Nullable Object arguments, @Nullable String owner, @Nullable Duration ttl,
		@Nullable Instant runAt, @Nullable String idempotencyKey, RetryPolicy retry, @Nullable Duration timeout,
		Map<String, String> metadata, Map<String, JsonNode> inputResponses) {

	public TaskSpec {
		Assert.hasText(function, "function must not be empty");
		Assert.notNull(retry, "retry must not be null");
		metadata = Map.copyOf(metadata);
		inputResponses = Collections.unmodifiableMap(new LinkedHashMap<>(inputResponses));
	}

	/**
	 * Starts a spec for a function.
	 * @param function the function name
	 * @return a builder
	 */
	public static Builder builder(String function) {
		return new Builder(function);
	}

	/**
	 * Builds a {@link TaskSpec}.
	 */
	public static final class Builder {

		private final String function;

		private @Nullable Object arguments;

		private @Nullable String owner;

		private @Nullable Duration ttl;

		private @Nullable Instant runAt;

		private @Nullable String idempotencyKey;

		private RetryPolicy retry = RetryPolicy.NONE;

		private @Nullable Duration timeout;

		private final Map<String, String> metadata = new LinkedHashMap<>();

		private final Map<String, JsonNode> inputResponses = new LinkedHashMap<>();

		private Builder(String function) {
			this.function = function;
		}

		public Builder arguments(@Nullable Object arguments) {
			this.arguments = arguments;
			return this;
		}

		public Builder owner(@Nullable String owner) {
			this.owner = owner;
			return this;
		}

		public Builder ttl(@Nullable Duration ttl) {
			this.ttl = ttl;
			return this;
		}

		public Builder runAt(@Nullable Instant runAt) {
			this.runAt = runAt;
			return this;
		}

		public Builder runAfter(Duration delay) {
			return runAt(Instant.now().plus(delay));
		}

		public Builder idempotencyKey(@Nullable String idempotencyKey) {
			this.idempotencyKey = idempotencyKey;
			return this;
		}

		public Builder retry(RetryPolicy retry) {
			this.retry = retry;
			return this;
		}

		public Builder timeout(@Nullable Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		public Builder metadata(String key, String value) {
			if (value != null) {
				this.metadata.put(key, value);
			}
			return this;
		}

		public Builder metadata(Map<String, String> metadata) {
			metadata.forEach(this::metadata);
			return this;
		}

		/**
		 * Adds answers the task starts with, such as those gathered before it was
		 * created.
		 * @param responses the answers, by key
		 * @return this builder
		 */
		public Builder inputResponses(Map<String, JsonNode> responses) {
			this.inputResponses.putAll(responses);
			return this;
		}

		public TaskSpec build() {
			return new TaskSpec(this.function, this.arguments, this.owner, this.ttl, this.runAt, this.idempotencyKey,
					this.retry, this.timeout, this.metadata, this.inputResponses);
		}

	}

}
