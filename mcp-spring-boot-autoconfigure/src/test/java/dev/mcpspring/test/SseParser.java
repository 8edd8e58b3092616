package dev.mcpspring.test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns the lines of a {@code text/event-stream} into {@link SseEvent}s, following the
 * HTML Living Standard's parsing rules (comments, a single optional space after the
 * colon, multi-line data). Unlike a browser it also reports events that carry only an
 * id, so tests can see everything the server wrote.
 */
final class SseParser {

	private final Consumer<SseEvent> sink;

	private String id;

	private String event;

	private List<String> data;

	private String retry;

	SseParser(Consumer<SseEvent> sink) {
		this.sink = sink;
	}

	/**
	 * Parses a whole body.
	 * @param body the body
	 * @return the events
	 */
	static List<SseEvent> parse(String body) {
		List<SseEvent> events = new ArrayList<>();
		SseParser parser = new SseParser(events::add);
		body.lines().forEach(parser::line);
		parser.end();
		return events;
	}

	/**
	 * Feeds one line (without its terminator).
	 * @param line the line
	 */
	void line(String line) {
		if (line.isEmpty()) {
			dispatch();
			return;
		}
		if (line.startsWith(":")) {
			return;
		}
		int colon = line.indexOf(':');
		String field = (colon < 0) ? line : line.substring(0, colon);
		String value = (colon < 0) ? "" : line.substring(colon + 1);
		if (value.startsWith(" ")) {
			value = value.substring(1);
		}
		switch (field) {
			case "id" -> this.id = value;
			case "event" -> this.event = value;
			case "retry" -> this.retry = value;
			case "data" -> {
				if (this.data == null) {
					this.data = new ArrayList<>();
				}
				this.data.add(value);
			}
			default -> {
				// unknown fields are ignored, as the standard says
			}
		}
	}

	/**
	 * Signals the end of the stream: an event without its blank line is dropped, as
	 * the standard says.
	 */
	void end() {
		this.id = null;
		this.event = null;
		this.data = null;
		this.retry = null;
	}

	private void dispatch() {
		if (this.id != null || this.event != null || this.data != null || this.retry != null) {
			this.sink.accept(new SseEvent(this.id, this.event, (this.data != null) ? String.join("\n", this.data) : null,
					this.retry));
		}
		end();
	}

}
