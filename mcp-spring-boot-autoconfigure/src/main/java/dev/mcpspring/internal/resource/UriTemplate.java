package dev.mcpspring.internal.resource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An RFC 6570 level 1 URI template, such as {@code reports://{region}/{id}}: literal text
 * and simple {@code {name}} variables. A variable matches one or more characters other
 * than {@code /}, {@code ?} and {@code #}; matched values are percent-decoded. When a
 * URI can be split between variables in more than one way, earlier variables take the
 * longest values. Matching takes time linear in the length of the URI (times the number
 * of variables), whatever the URI.
 */
public final class UriTemplate {

	private static final Pattern EXPRESSION = Pattern.compile("\\{([^}]*)}");

	private static final Pattern VARIABLE_NAME = Pattern.compile("(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})"
			+ "(?:\\.?(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2}))*");

	private final String template;

	private final List<String> variableNames;

	private final List<String> literals;

	private final int literalLength;

	private UriTemplate(String template, List<String> variableNames, List<String> literals, int literalLength) {
		this.template = template;
		this.variableNames = variableNames;
		this.literals = literals;
		this.literalLength = literalLength;
	}

	/**
	 * Parses a template.
	 * @param template the template
	 * @return the parsed template
	 * @throws IllegalArgumentException when the template is not a level 1 template
	 */
	public static UriTemplate parse(String template) {
		List<String> names = new ArrayList<>();
		List<String> literals = new ArrayList<>();
		Matcher matcher = EXPRESSION.matcher(template);
		int literalLength = 0;
		int last = 0;
		while (matcher.find()) {
			String literal = template.substring(last, matcher.start());
			checkLiteral(template, literal);
			literals.add(literal);
			literalLength += literal.length();
			String name = matcher.group(1);
			if (!VARIABLE_NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("Unsupported expression {" + name + "} in URI template '" + template
						+ "': only simple {name} variables (RFC 6570 level 1) are supported");
			}
			if (names.contains(name)) {
				throw new IllegalArgumentException(
						"Variable {" + name + "} appears twice in URI template '" + template + "'");
			}
			names.add(name);
			last = matcher.end();
		}
		String tail = template.substring(last);
		checkLiteral(template, tail);
		literals.add(tail);
		literalLength += tail.length();
		return new UriTemplate(template, Collections.unmodifiableList(names), List.copyOf(literals), literalLength);
	}

	/**
	 * Returns whether a string is a URI template rather than a plain URI.
	 * @param uri the string
	 * @return whether it holds a {@code {variable}}
	 */
	public static boolean isTemplate(String uri) {
		return uri.indexOf('{') >= 0;
	}

	private static void checkLiteral(String template, String literal) {
		if (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0) {
			throw new IllegalArgumentException("Unbalanced braces in URI template '" + template + "'");
		}
	}

	/**
	 * Matches a URI against this template.
	 * @param uri the URI
	 * @return the variable values by name, or {@code null} when the URI does not match
	 */
	public @Nullable Map<String, String> match(String uri) {
		String head = this.literals.get(0);
		if (!uri.startsWith(head)) {
			return null;
		}
		int variables = this.variableNames.size();
		if (variables == 0) {
			return uri.equals(head) ? new LinkedHashMap<>() : null;
		}
		int[] stops = stops(uri);
		BitSet[] starts = starts(uri, stops);
		int position = head.length();
		if (!starts[0].get(position)) {
			return null;
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (int variable = 0; variable < variables; variable++) {
			int end = stops[position];
			while (!canEnd(uri, variable, end, starts)) {
				end--;
			}
			values.put(this.variableNames.get(variable), decode(uri.substring(position, end)));
			position = end + this.literals.get(variable + 1).length();
		}
		return values;
	}

	/**
	 * Returns, for each position of a URI, the first position at or after it that holds a
	 * character no variable matches ({@code /}, {@code ?} or {@code #}), or the length of
	 * the URI.
	 */
	private static int[] stops(String uri) {
		int[] stops = new int[uri.length() + 1];
		stops[uri.length()] = uri.length();
		for (int i = uri.length() - 1; i >= 0; i--) {
			char c = uri.charAt(i);
			stops[i] = (c == '/' || c == '?' || c == '#') ? i : stops[i + 1];
		}
		return stops;
	}

	/**
	 * Returns, for each variable, the positions of the URI where its value can start with
	 * the rest of the template matching the rest of the URI; computed from the last
	 * variable backwards, each in one pass over the URI.
	 */
	private BitSet[] starts(String uri, int[] stops) {
		int length = uri.length();
		int variables = this.variableNames.size();
		BitSet[] starts = new BitSet[variables];
		int[] nextEnd = new int[length + 2];
		for (int variable = variables - 1; variable >= 0; variable--) {
			nextEnd[length + 1] = Integer.MAX_VALUE;
			for (int i = length; i >= 0; i--) {
				nextEnd[i] = canEnd(uri, variable, i, starts) ? i : nextEnd[i + 1];
			}
			BitSet positions = new BitSet(length);
			for (int i = 0; i < length; i++) {
				if (stops[i] > i && nextEnd[i + 1] <= stops[i]) {
					positions.set(i);
				}
			}
			starts[variable] = positions;
		}
		return starts;
	}

	/**
	 * Returns whether a variable's value can end at a position: the literal after it
	 * follows there, and then the next variable can start or the URI ends.
	 */
	private boolean canEnd(String uri, int variable, int end, BitSet[] starts) {
		if (end > 0 && end < uri.length() && Character.isHighSurrogate(uri.charAt(end - 1))
				&& Character.isLowSurrogate(uri.charAt(end))) {
			return false;
		}
		String literal = this.literals.get(variable + 1);
		if (!uri.startsWith(literal, end)) {
			return false;
		}
		int next = end + literal.length();
		return (variable + 1 < this.variableNames.size()) ? starts[variable + 1].get(next) : next == uri.length();
	}

	private static String decode(String value) {
		if (value.indexOf('%') < 0) {
			return value;
		}
		try {
			return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

	/**
	 * Returns the names of the variables, in order of appearance.
	 * @return the names
	 */
	public List<String> variableNames() {
		return this.variableNames;
	}

	/**
	 * Returns the number of literal characters: templates with more literal text are more
	 * specific.
	 * @return the length of the literal parts
	 */
	public int literalLength() {
		return this.literalLength;
	}

	@Override
	public String toString() {
		return this.template;
	}

}
