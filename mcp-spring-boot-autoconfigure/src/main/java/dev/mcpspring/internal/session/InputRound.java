package dev.mcpspring.internal.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * The answers a 2026-07-28 request brings to the questions of an input-required round:
 * those of its {@code inputResponses} and those carried in its {@code requestState}. It
 * records which answers the run used, for the state of the next round, and numbers the
 * questions asked without a key.
 */
public final class InputRound {

	private final Map<String, JsonNode> answers;

	private final Map<String, JsonNode> used = Collections.synchronizedMap(new LinkedHashMap<>());

	private final Map<String, Integer> ordinals = new LinkedHashMap<>();

	private volatile boolean beforeTask;

	/**
	 * Creates a round.
	 * @param answers the answers by key
	 */
	public InputRound(Map<String, JsonNode> answers) {
		this.answers = Map.copyOf(answers);
	}

	/**
	 * Returns the answer under a key when it fits the question, and remembers it.
	 * @param key the key
	 * @param method the method of the question
	 * @return the answer, or {@code null} when there is none that fits
	 */
	@Nullable JsonNode answer(String key, String method) {
		JsonNode answer = this.answers.get(key);
		if (answer == null || !fits(answer, method)) {
			return null;
		}
		this.used.put(key, answer);
		return answer;
	}

	/**
	 * Returns the next key for a question asked without one: {@code elicit-1},
	 * {@code elicit-2}, ... in the order the run asks them.
	 * @param prefix the prefix, such as {@code elicit}
	 * @return the key
	 */
	synchronized String nextKey(String prefix) {
		int ordinal = this.ordinals.merge(prefix, 1, Integer::sum);
		return prefix + "-" + ordinal;
	}

	/**
	 * Makes this round gather the first input of a call that then runs as a task: once
	 * that input has every answer, the run ends with an {@link InputGatheredException}.
	 */
	public void gatherBeforeTask() {
		this.beforeTask = true;
	}

	boolean isBeforeTask() {
		return this.beforeTask;
	}

	/**
	 * Returns the answers the run used so far.
	 * @return the answers by key
	 */
	public Map<String, JsonNode> used() {
		synchronized (this.used) {
			return Map.copyOf(this.used);
		}
	}

	private static boolean fits(JsonNode answer, String method) {
		if (!answer.isObject()) {
			return false;
		}
		return switch (method) {
			case "elicitation/create" -> answer.path("action").isString();
			case "sampling/createMessage" -> answer.has("content");
			case "roots/list" -> answer.path("roots").isArray();
			default -> true;
		};
	}

}
