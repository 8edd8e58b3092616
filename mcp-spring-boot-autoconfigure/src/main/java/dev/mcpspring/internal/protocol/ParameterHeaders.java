package dev.mcpspring.internal.protocol;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.McpException;
import dev.mcpspring.internal.tool.HeaderParameter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks the {@code Mcp-Param-*} headers of a 2026-07-28 {@code tools/call} against its
 * arguments. An argument with a value needs its header, equal to the value once decoded
 * from the {@code =?base64?…?=} form: integers compare numerically, booleans as
 * {@code true} or {@code false}, strings exactly. An argument that is absent or
 * {@code null} must come without its header. Any failure is {@code -32020}.
 */
final class ParameterHeaders {

	/** The prefix of the header names. */
	static final String PREFIX = "Mcp-Param-";

	private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

	private ParameterHeaders() {
	}

	/**
	 * Checks the headers of a call.
	 * @param tool the tool's name
	 * @param parameters the tool's header parameters
	 * @param params the request params, with the {@code arguments}
	 * @param headers the request's headers by (case-insensitive) name
	 * @throws McpException ({@code -32020}) for the first header that is missing, not
	 * expected, not decodable or different from its argument
	 */
	static void check(String tool, List<HeaderParameter> parameters, ObjectNode params,
			UnaryOperator<@Nullable String> headers) {
		JsonNode arguments = params.get("arguments");
		for (HeaderParameter parameter : parameters) {
			JsonNode value = (arguments != null && arguments.isObject()) ? arguments.get(parameter.argument()) : null;
			String name = PREFIX + parameter.header();
			String header = headers.apply(name);
			if (value == null || value.isNull()) {
				if (header != null) {
					throw mismatch("the " + name + " header is sent, but argument '" + parameter.argument()
							+ "' of tool '" + tool + "' has no value");
				}
				continue;
			}
			if (header == null) {
				throw mismatch("the " + name + " header is required: argument '" + parameter.argument() + "' of tool '"
						+ tool + "' has a value");
			}
			if (!matches(parameter.type(), Mcp2026Revision.decodeHeaderValue(header), value)) {
				throw mismatch(name + " '" + header + "' does not match argument '" + parameter.argument()
						+ "' of tool '" + tool + "' (" + value + ")");
			}
		}
	}

	private static boolean matches(String type, String header, JsonNode value) {
		return switch (type) {
			case "integer" -> value.isNumber() && INTEGER.matcher(header).matches()
					&& value.decimalValue().compareTo(new BigDecimal(new BigInteger(header))) == 0;
			case "boolean" -> value.isBoolean() && header.equals(Boolean.toString(value.booleanValue()));
			default -> value.isString() && header.equals(value.stringValue());
		};
	}

	private static McpException mismatch(String problem) {
		return new McpException(Mcp2026Revision.HEADER_MISMATCH, "Header mismatch: " + problem);
	}

}
