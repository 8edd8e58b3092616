package dev.mcpspring;

/**
 * The result of {@code completion/complete}.
 *
 * @param completion the suggestions
 */
public record CompleteResult(Completion completion) {
}
