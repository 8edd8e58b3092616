package dev.mcpspring.internal.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.internal.tool.DefaultMcpToolRegistry;
import dev.mcpspring.internal.wire.JsonRpcError;
import dev.mcpspring.internal.wire.JsonRpcResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides which MCP calls may run inline on the container's thread, saving the two
 * thread hand-offs of an asynchronous call: a {@code tools/call} of a registered tool
 * whose last {@value #QUICK_RUNS} calls (on either path) each ran within
 * {@value #QUICK_MILLIS} ms, while one of a few inline permits is free. A call that runs
 * longer marks its tool slow at once, even while it still runs; a tool never seen is
 * slow.
 */
final class QuickCalls {

	private static final int QUICK_RUNS = 16;

	private static final long QUICK_MILLIS = 2;

	private static final long QUICK_NANOS = TimeUnit.MILLISECONDS.toNanos(QUICK_MILLIS);

	private final @Nullable DefaultMcpToolRegistry tools;

	/** Consecutive quick runs per tool (and per kind: direct or task submission). */
	private final Map<String, AtomicInteger> quickRuns = new ConcurrentHashMap<>();

	/** The inline permits: a call running inline holds one slot. */
	private final AtomicReferenceArray<Inline> running;

	/**
	 * Creates the record.
	 * @param permits how many calls may run inline at once, 0 for none
	 * @param tools the registered tools, or {@code null} when there are none
	 */
	QuickCalls(int permits, @Nullable DefaultMcpToolRegistry tools) {
		this.running = new AtomicReferenceArray<>(permits);
		this.tools = tools;
	}

	/**
	 * Returns the key a call's durations are recorded under.
	 * @param method the method
	 * @param params the params
	 * @return the key, or {@code null} when the call always runs asynchronously
	 */
	@Nullable String key(String method, ObjectNode params) {
		if (this.tools == null || this.running.length() == 0 || !"tools/call".equals(method)) {
			return null;
		}
		JsonNode name = params.get("name");
		if (name == null || !name.isString() || this.tools.find(name.stringValue()).isEmpty()) {
			return null;
		}
		JsonNode task = params.get("task");
		return (task != null && !task.isNull()) ? name.stringValue() + " (task)" : name.stringValue();
	}

	/**
	 * Takes an inline permit for a call whose tool has been quick.
	 * @param key the call's key, or {@code null}
	 * @param exchange the call's exchange
	 * @return the permit, or {@code null} when the call runs asynchronously
	 */
	@Nullable Inline tryInline(@Nullable String key, PostExchange exchange) {
		if (key == null) {
			return null;
		}
		AtomicInteger runs = this.quickRuns.get(key);
		if (runs == null || runs.get() < QUICK_RUNS) {
			return null;
		}
		long now = System.nanoTime();
		for (int i = 0; i < this.running.length(); i++) {
			Inline other = this.running.get(i);
			if (other != null && other.key.equals(key) && now - other.started > QUICK_NANOS) {
				runs.set(0);
				return null;
			}
		}
		for (int i = 0; i < this.running.length(); i++) {
			if (this.running.get(i) == null) {
				Inline inline = new Inline(key, i, now, exchange);
				if (this.running.compareAndSet(i, null, inline)) {
					return inline;
				}
			}
		}
		return null;
	}

	/**
	 * Gives back the permit of an inline call and records its duration.
	 * @param inline the permit
	 */
	void ended(Inline inline) {
		this.running.set(inline.slot, null);
		record(inline.key, System.nanoTime() - inline.started);
	}

	/**
	 * Records how long a call ran.
	 * @param key the call's key
	 * @param nanos the duration
	 */
	void record(String key, long nanos) {
		if (nanos > QUICK_NANOS) {
			AtomicInteger runs = this.quickRuns.get(key);
			if (runs != null) {
				runs.set(0);
			}
			return;
		}
		AtomicInteger runs = this.quickRuns.computeIfAbsent(key, (name) -> new AtomicInteger());
		if (runs.get() < QUICK_RUNS) {
			runs.incrementAndGet();
		}
	}

	/**
	 * Cancels the calls running inline, answering them with an error first.
	 * @param error the error to answer with
	 */
	void cancelRunning(JsonRpcError error) {
		for (int i = 0; i < this.running.length(); i++) {
			Inline inline = this.running.get(i);
			if (inline != null) {
				try {
					inline.exchange.stream().complete(JsonRpcResponse.error(inline.exchange.requestId(), error));
				}
				catch (Exception ex) {
					// the client has gone
				}
				inline.exchange.cancel();
			}
		}
	}

	/**
	 * Returns whether a call runs inline.
	 * @return whether one does
	 */
	boolean isRunning() {
		for (int i = 0; i < this.running.length(); i++) {
			if (this.running.get(i) != null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A call running inline: the permit it holds.
	 */
	static final class Inline {

		private final String key;

		private final int slot;

		private final long started;

		private final PostExchange exchange;

		Inline(String key, int slot, long started, PostExchange exchange) {
			this.key = key;
			this.slot = slot;
			this.started = started;
			this.exchange = exchange;
		}

	}

}
