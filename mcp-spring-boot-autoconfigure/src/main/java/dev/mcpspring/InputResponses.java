package dev.mcpspring;

import java.util.Map;

import org.springframework.util.Assert;

import dev.mcpspring.internal.wire.McpJson;
import tools.jackson.databind.JsonNode;

/**
 * The client's answers to {@link InputRequests}, by key; returned by
 * {@link McpContext#input(InputRequests)} once every question is answered.
 */
public final class InputResponses {

	private final Map<String, JsonNode> answers;

	/**
	 * Creates the answers; for the server.
	 * @param answers the answers by key
	 */
	public InputResponses(Map<String, JsonNode> answers) {
		this.answers = Map.copyOf(answers);
	}

	/**
	 * Returns the answer to an elicitation.
	 * @param key the key of the question
	 * @return the answer
	 */
	public ElicitResult elicitResult(String key) {
		return McpJson.mapper().treeToValue(get(key), ElicitResult.class);
	}

	/**
	 * Returns the answer to a sampling request.
	 * @param key the key of the question
	 * @return the answer
	 */
	public CreateMessageResult createMessageResult(String key) {
		return McpJson.mapper().treeToValue(get(key), CreateMessageResult.class);
	}

	/**
	 * Returns the roots the client listed.
	 * @param key the key of the question
	 * @return the {@code roots} array (objects with {@code uri} and {@code name})
	 */
	public JsonNode roots(String key) {
		return get(key).path("roots");
	}

	/**
	 * Returns an answer as the client sent it.
	 * @param key the key of the question
	 * @return the answer
	 */
	public JsonNode get(String key) {
		JsonNode answer = this.answers.get(key);
		Assert.isTrue(answer != null, () -> "No answer under the key '" + key + "'");
		return answer;
	}

}
