package dev.mcpspring.test.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Predicate;

/**
 * Reads the {@code data} of server-sent events from a response body as the events
 * arrive.
 */
final class SseReader {

	private final BufferedReader reader;

	SseReader(BufferedReader reader) {
		this.reader = reader;
	}

	/**
	 * Hands the data of each event to the consumer until it returns {@code true} or the
	 * stream ends. Events without data (such as the priming event) are skipped.
	 * @param consumer the consumer of event data; {@code true} stops reading
	 * @return whether the consumer stopped the reading
	 * @throws IOException when the stream fails
	 */
	boolean read(Predicate<String> consumer) throws IOException {
		StringBuilder data = null;
		String line;
		while ((line = this.reader.readLine()) != null) {
			if (line.isEmpty()) {
				if (data != null && !data.isEmpty() && consumer.test(data.toString())) {
					return true;
				}
				data = null;
			}
			else if (line.startsWith("data:")) {
				String value = line.substring(5);
				value = value.startsWith(" ") ? value.substring(1) : value;
				data = (data != null) ? data.append('\n').append(value) : new StringBuilder(value);
			}
		}
		return false;
	}

}
