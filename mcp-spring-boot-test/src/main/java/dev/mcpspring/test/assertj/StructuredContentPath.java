package dev.mcpspring.test.assertj;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the address of a value in structured content into a JSON Pointer: a pointer
 * ({@code /items/0/name}) as it is, or a simple JSON path of names and indexes
 * ({@code $.items[0].name}, {@code $['odd name']}).
 */
final class StructuredContentPath {

	private static final Pattern STEP = Pattern.compile("\\.([^.\\[\\]]+)|\\[(\\d+)]|\\['([^']*)']");

	private StructuredContentPath() {
	}

	static String toPointer(String path) {
		if (!path.startsWith("$")) {
			return path;
		}
		StringBuilder pointer = new StringBuilder();
		Matcher step = STEP.matcher(path);
		int end = 1;
		while (end < path.length()) {
			if (!step.find(end) || step.start() != end) {
				throw new IllegalArgumentException("Unsupported JSON path '" + path + "' at position " + end
						+ ": use names ($.a.b), indexes ($.a[0]) and quoted names ($['a b'])");
			}
			String token = (step.group(1) != null) ? step.group(1)
					: (step.group(2) != null) ? step.group(2) : step.group(3);
			pointer.append('/').append(token.replace("~", "~0").replace("/", "~1"));
			end = step.end();
		}
		return pointer.toString();
	}

}
