package dev.mcpspring.test.client;

import org.jspecify.annotations.Nullable;

/**
 * A {@code notifications/progress} the server sent while answering a request.
 *
 * @param progress the progress so far
 * @param total the total, when the server knows it
 * @param message the message, when there is one
 */
public record ProgressNotification(double progress, @Nullable Double total, @Nullable String message) {

}
