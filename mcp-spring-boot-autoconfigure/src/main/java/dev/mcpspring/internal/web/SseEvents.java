package dev.mcpspring.internal.web;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Formats Server-Sent Events. Data is compact JSON, so it never spans lines.
 */
final class SseEvents {

	private SseEvents() {
	}

	static byte[] event(String id, String data) {
		return ("id: " + id + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
	}

	static byte[] data(String data) {
		return ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
	}

	static byte[] comment(String text) {
		return (": " + text + "\n\n").getBytes(StandardCharsets.UTF_8);
	}

	static byte[] priming(String id, @Nullable Long retryMillis) {
		String retry = (retryMillis != null) ? "retry: " + retryMillis + "\n" : "";
		return ("id: " + id + "\n" + retry + "data: \n\n").getBytes(StandardCharsets.UTF_8);
	}

	static byte[] retry(long retryMillis) {
		return ("retry: " + retryMillis + "\n\n").getBytes(StandardCharsets.UTF_8);
	}

}
