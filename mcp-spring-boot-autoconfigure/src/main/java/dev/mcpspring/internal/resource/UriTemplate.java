package dev.mcpspring.internal.resource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RFC 6570 level 1 URI template, such as {@code reports://{region}/{id}}: literal text
 * and simple {@code {name}} variables. A variable matches one or more characters other
 * than {@code /}, {@code ?} and {@code #}; matched values are percent-decoded.
 */
public final class UriTemplate {

	private static final Pattern EXPRESSION = Pattern.compile("\\{([^}]*)}");

	private static final Pattern VARIABLE_NAME = Pattern.compile("(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})"
			+ "(?:\\.?(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2}))*");

	private final String template;

	private final List<String> variableNames;

	private final Pattern pattern;

	private final int literalLength;

	private UriTemplate(String template, List<String> variableNames, Pattern pattern, int literalLength) {
		this.template = template;
		this.variableNames = variableNames;
		this.pattern = pattern;
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
		StringBuilder regex = new StringBuilder();
		Matcher matcher = EXPRESSION.matcher(template);
		int literalLength = 0;
		int last = 0;
		while (matcher.find()) {
			String literal = template.substring(last, matcher.start());
			checkLiteral(template, literal);
			regex.append(Pattern.quote(literal));
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
			regex.append("([^/?#]+)");
			last = matcher.end();
		}
		String tail = template.substring(last);
		checkLiteral(template, tail);
		regex.append(Pattern.quote(tail));
		literalLength += tail.length();
		return new UriTemplate(template, Collections.unmodifiableList(names), Pattern.compile(regex.toString()),
				literalLength);
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
	public Map<String, String> match(String uri) {
		Matcher matcher = this.pattern.matcher(uri);
		if (!matcher.matches()) {
			return null;
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < this.variableNames.size(); i++) {
			values.put(this.variableNames.get(i), decode(matcher.group(i + 1)));
		}
		return values;
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
