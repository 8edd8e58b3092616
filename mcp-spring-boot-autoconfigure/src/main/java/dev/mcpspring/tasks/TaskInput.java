package dev.mcpspring.tasks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The input a task waits for and the input it has: the requests its run made that the
 * client has not answered yet, and the client's answers so far, each under the key of its
 * request. A run that asks for input ends, and the task waits; once every request is
 * answered, the task runs again from the top and finds the answers under the same keys.
 *
 * @param requests the unanswered requests, by key
 * @param responses the answers, by key
 */
public record TaskInput(Map<String, JsonNode> requests, Map<String, JsonNode> responses) {

	/** No requests and no answers. */
	public static final TaskInput NONE = new TaskInput(Map.of(), Map.of());

	public TaskInput {
		requests = Collections.unmodifiableMap(new LinkedHashMap<>(requests));
		responses = Collections.unmodifiableMap(new LinkedHashMap<>(responses));
	}

	/**
	 * Returns this input with new requests that wait for answers.
	 * @param asked the requests, by key
	 * @return the input
	 */
	public TaskInput asking(Map<String, JsonNode> asked) {
		Map<String, JsonNode> waiting = new LinkedHashMap<>(this.requests);
		asked.forEach((key, request) -> {
			if (!this.responses.containsKey(key)) {
				waiting.put(key, request);
			}
		});
		return new TaskInput(waiting, this.responses);
	}

	/**
	 * Returns this input with the answers to its requests; answers to keys it does not
	 * wait for are ignored.
	 * @param answers the answers, by key
	 * @return the input
	 */
	public TaskInput answering(Map<String, JsonNode> answers) {
		Map<String, JsonNode> waiting = new LinkedHashMap<>(this.requests);
		Map<String, JsonNode> answered = new LinkedHashMap<>(this.responses);
		answers.forEach((key, answer) -> {
			if (waiting.remove(key) != null) {
				answered.put(key, answer);
			}
		});
		return new TaskInput(waiting, answered);
	}

}
