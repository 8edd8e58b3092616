package dev.mcpspring;

/**
 * What a completion is for: a prompt (by name) or a resource template (by URI template).
 *
 * @param type the kind of reference
 * @param name the prompt name or the URI template
 */
public record CompletionReference(Type type, String name) {

	public static CompletionReference prompt(String name) {
		return new CompletionReference(Type.PROMPT, name);
	}

	public static CompletionReference resourceTemplate(String uriTemplate) {
		return new CompletionReference(Type.RESOURCE_TEMPLATE, uriTemplate);
	}

	@Override
	public String toString() {
		return ((this.type == Type.PROMPT) ? "prompt '" : "resource template '") + this.name + "'";
	}

	/**
	 * The kinds of reference ({@code ref/prompt}, {@code ref/resource}).
	 */
	public enum Type {

		/** A prompt, {@code ref/prompt}. */
		PROMPT,

		/** A resource template, {@code ref/resource}. */
		RESOURCE_TEMPLATE

	}

}
