package dev.mcpspring;

/**
 * One message of a prompt.
 *
 * @param role who speaks
 * @param content what is said: text, an image, audio, an embedded resource or a resource
 * link
 */
public record PromptMessage(Role role, Content content) {

	public static PromptMessage user(String text) {
		return new PromptMessage(Role.USER, Content.text(text));
	}

	public static PromptMessage user(Content content) {
		return new PromptMessage(Role.USER, content);
	}

	public static PromptMessage assistant(String text) {
		return new PromptMessage(Role.ASSISTANT, Content.text(text));
	}

	public static PromptMessage assistant(Content content) {
		return new PromptMessage(Role.ASSISTANT, content);
	}

}
