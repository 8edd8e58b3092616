package dev.mcpspring.internal.wire;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses the JSON body of a client message within limits: strict UTF-8 (no overlong
 * forms, no encoded surrogates, nothing above U+10FFFF, no NUL byte, so no UTF-16 or
 * UTF-32 either; a leading byte order mark is ignored), no lone surrogate written as a
 * <code>&#92;u</code> escape, no duplicate member names, and bounded nesting depth, number length,
 * member name length, token count, string and document length. A body beyond any of
 * them is a parse error ({@code -32700}) that says which limit it exceeds. Member names
 * are not interned, so that no client's names stay in memory after its request.
 */
public final class JsonBodyParser {

	private static final Map<String, String> LIMITS = Map.of(
			"getMaxNestingDepth", "nests deeper than mcp.server.json.max-depth allows",
			"getMaxNumberLength", "holds a number longer than mcp.server.json.max-number-length allows",
			"getMaxNameLength", "holds a member name longer than mcp.server.json.max-name-length allows",
			"getMaxTokenCount", "holds more JSON tokens than mcp.server.json.max-tokens allows",
			"getMaxStringLength", "holds a string longer than mcp.server.max-request-size allows",
			"getMaxDocumentLength", "is longer than mcp.server.max-request-size allows");

	private static final DeserializationFeature DUPLICATE_NAMES = DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY;

	private final JsonMapper mapper;

	/**
	 * Creates a parser.
	 * @param maxDepth the deepest nesting of arrays and objects
	 * @param maxNumberLength the most characters of a number
	 * @param maxNameLength the most characters of a member name
	 * @param maxTokens the most tokens of a document
	 * @param maxDocumentLength the most bytes of a document, and characters of a string
	 */
	public JsonBodyParser(int maxDepth, int maxNumberLength, int maxNameLength, long maxTokens,
			long maxDocumentLength) {
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxNestingDepth(maxDepth)
			.maxNumberLength(maxNumberLength)
			.maxNameLength(maxNameLength)
			.maxTokenCount(maxTokens)
			.maxStringLength((int) Math.min(Integer.MAX_VALUE, maxDocumentLength))
			.maxDocumentLength(maxDocumentLength)
			.build();
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(constraints)
			.disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
			.build();
		this.mapper = JsonMapper.builder(factory).enable(DUPLICATE_NAMES).build();
	}

	/**
	 * Parses a body.
	 * @param body the bytes of the body
	 * @return the JSON value
	 * @throws MalformedMessageException with {@link ErrorCodes#PARSE_ERROR} when the body is not
	 * valid UTF-8 JSON within the limits
	 */
	public JsonNode parse(byte[] body) {
		String encodingProblem = Utf8.check(body);
		if (encodingProblem != null) {
			throw parseError("the body " + encodingProblem);
		}
		JsonNode json;
		try {
			json = this.mapper.readTree(body);
		}
		catch (StreamConstraintsException ex) {
			throw parseError("the body " + exceededLimit(ex));
		}
		catch (JacksonException ex) {
			boolean duplicate = String.valueOf(ex.getMessage()).contains(DUPLICATE_NAMES.name());
			throw parseError((duplicate ? "the body repeats a member name in an object" : "the body is not valid JSON")
					+ where(ex.getLocation()));
		}
		if (json == null || json.isMissingNode()) {
			throw parseError("the body is not valid JSON");
		}
		return json;
	}

	private static String exceededLimit(StreamConstraintsException ex) {
		String message = String.valueOf(ex.getMessage());
		return LIMITS.entrySet()
			.stream()
			.filter((limit) -> message.contains(limit.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse("exceeds a JSON limit");
	}

	private static String where(@Nullable TokenStreamLocation location) {
		return (location != null && location.getLineNr() > 0)
				? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
	}

	private static MalformedMessageException parseError(String reason) {
		return new MalformedMessageException(ErrorCodes.PARSE_ERROR, "Parse error: " + reason);
	}

}
