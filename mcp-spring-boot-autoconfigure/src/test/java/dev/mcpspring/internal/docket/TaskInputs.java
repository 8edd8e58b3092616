package dev.mcpspring.internal.docket;

import dev.mcpspring.internal.wire.McpJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Input requests and answers of tasks waiting for input, for the docket tests.
 */
public final class TaskInputs {

	private TaskInputs() {
	}

	/**
	 * Returns elicitation requests, one per key, each asking "key?".
	 * @param keys the keys
	 * @return the requests by key
	 */
	public static ObjectNode requests(String... keys) {
		ObjectNode requests = McpJson.mapper().createObjectNode();
		for (String key : keys) {
			ObjectNode request = requests.putObject(key).put("method", "elicitation/create");
			request.putObject("params").put("message", key + "?");
		}
		return requests;
	}

	/**
	 * Returns an accepted elicitation answer.
	 * @param value the answered value
	 * @return the answer
	 */
	public static JsonNode answer(String value) {
		ObjectNode answer = McpJson.mapper().createObjectNode().put("action", "accept");
		answer.putObject("content").put("value", value);
		return answer;
	}

}
