package dev.mcpspring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import dev.mcpspring.internal.wire.McpJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * Questions for the client, each under a key of the tool's choosing, asked together with
 * {@link McpContext#input(InputRequests)}. A 2025 session receives them as requests on
 * its stream; a 2026-07-28 client receives them as the {@code inputRequests} of an
 * {@code input_required} result and retries the call with the answers under the same
 * keys, so a key must name the same question on every run of the tool.
 */
public final class InputRequests {

	private final Map<String, Question> questions = new LinkedHashMap<>();

	private InputRequests() {
	}

	/**
	 * Starts an empty set of questions.
	 * @return the questions
	 */
	public static InputRequests create() {
		return new InputRequests();
	}

	/**
	 * Asks the user for input ({@code elicitation/create}, form mode).
	 * @param key the key of the answer
	 * @param message what to ask
	 * @param requestedSchema a flat object schema of the fields to fill
	 * @return these questions
	 */
	public InputRequests elicit(String key, String message, ObjectNode requestedSchema) {
		ObjectNode params = McpJson.mapper().createObjectNode();
		params.put("message", message);
		params.set("requestedSchema", requestedSchema);
		return add(key, "elicitation/create", "elicitation", params, null);
	}

	/**
	 * Asks the user for input with the fields of a record or POJO.
	 * @param key the key of the answer
	 * @param message what to ask
	 * @param type the type whose properties are the fields to fill
	 * @return these questions
	 */
	public InputRequests elicit(String key, String message, Class<?> type) {
		ObjectNode params = McpJson.mapper().createObjectNode();
		params.put("message", message);
		return add(key, "elicitation/create", "elicitation", params, type);
	}

	/**
	 * Asks the client's model for a completion ({@code sampling/createMessage}).
	 * @param key the key of the answer
	 * @param params the request params ({@code messages}, {@code maxTokens}, ...)
	 * @return these questions
	 */
	public InputRequests sample(String key, ObjectNode params) {
		return add(key, "sampling/createMessage", "sampling", params, null);
	}

	/**
	 * Asks the client for its roots ({@code roots/list}).
	 * @param key the key of the answer
	 * @return these questions
	 */
	public InputRequests listRoots(String key) {
		return add(key, "roots/list", "roots", McpJson.mapper().createObjectNode(), null);
	}

	/**
	 * Returns the keys, in the order the questions were added.
	 * @return the keys
	 */
	public Set<String> keys() {
		return Collections.unmodifiableSet(this.questions.keySet());
	}

	/**
	 * Returns the method of a question.
	 * @param key the key
	 * @return the method, such as {@code elicitation/create}
	 */
	public String method(String key) {
		return question(key).method();
	}

	/**
	 * Returns the client capability a question needs.
	 * @param key the key
	 * @return the capability, such as {@code elicitation}
	 */
	public String capability(String key) {
		return question(key).capability();
	}

	/**
	 * Returns the params of a question; an elicitation asked with a type has no
	 * {@code requestedSchema} here, the server generates it from the
	 * {@link #elicitationType(String) type}.
	 * @param key the key
	 * @return a copy of the params
	 */
	public ObjectNode params(String key) {
		return question(key).params().deepCopy();
	}

	/**
	 * Returns the type whose fields an elicitation asks for, when it was asked with one.
	 * @param key the key
	 * @return the type, or {@code null}
	 */
	public @Nullable Class<?> elicitationType(String key) {
		return question(key).type();
	}

	private Question question(String key) {
		Question question = this.questions.get(key);
		Assert.isTrue(question != null, () -> "No question under the key '" + key + "'");
		return question;
	}

	private InputRequests add(String key, String method, String capability, ObjectNode params,
			@Nullable Class<?> type) {
		Assert.hasText(key, "A key must not be empty");
		Assert.isTrue(!this.questions.containsKey(key), () -> "The key '" + key + "' is used twice");
		this.questions.put(key, new Question(method, capability, params.deepCopy(), type));
		return this;
	}

	private record Question(String method, String capability, ObjectNode params, @Nullable Class<?> type) {
	}

}
