package dev.mcpspring.internal.oauth;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the value of a {@code WWW-Authenticate: Bearer} header (RFC 6750) from its
 * parameters, in their order.
 */
final class BearerChallenge {

	private BearerChallenge() {
	}

	static String of(Map<String, String> parameters) {
		if (parameters.isEmpty()) {
			return "Bearer";
		}
		return "Bearer " + parameters.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=\"" + quoted(entry.getValue()) + "\"")
			.collect(Collectors.joining(", "));
	}

	private static String quoted(String value) {
		StringBuilder quoted = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\') {
				quoted.append('\\').append(c);
			}
			else if (c >= 0x20 && c < 0x7f) {
				quoted.append(c);
			}
		}
		return quoted.toString();
	}

}
