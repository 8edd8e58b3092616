package dev.mcpspring.abuse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of hostile and broken bodies POSTed on a live session: truncated JSON, deep
 * nesting, huge numbers, long strings, invalid UTF-8, byte order marks, NUL bytes,
 * duplicate members, wrong types, batches, nulls, control characters, big arrays, and
 * seeded random mutations of valid messages. Each is answered as a client mistake (4xx
 * or a JSON-RPC error, never a 5xx or anything that looks like a stack trace), and the
 * server answers a ping afterwards.
 */
@McpServerTest
class MalformedInputCorpusTests {

	private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

	private static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":\"c-1\",\"method\":\"tools/call\",\"params\":{"
			+ "\"name\":\"echo\",\"arguments\":{\"text\":\"h\u00e9llo \u20ac \ud83d\ude00\"},\"_meta\":{\"progressToken\":7}}}";

	private static final List<String> MESSAGES = List.of(PING, CALL,
			"{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/read\",\"params\":{\"uri\":\"notes://today\"}}",
			"{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"prompts/get\",\"params\":{\"name\":\"plan_trip\","
					+ "\"arguments\":{\"city\":\"Oslo\"}}}",
			"{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\",\"params\":{\"cursor\":\"abc\"}}",
			"{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":9}}",
			"{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tasks/get\",\"params\":{\"taskId\":\"t\"}}",
			"{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"completion/complete\",\"params\":{\"ref\":{\"type\":"
					+ "\"ref/prompt\",\"name\":\"plan_trip\"},\"argument\":{\"name\":\"city\",\"value\":\"O\"}}}",
			"{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"debug\"}}",
			"{\"jsonrpc\":\"2.0\",\"id\":\"s-1\",\"result\":{\"model\":\"m\",\"role\":\"assistant\"}}");

	private static final byte[] TOKENS = "{}[]\":,\\0-e.".getBytes(StandardCharsets.US_ASCII);

	@LocalServerPort
	private int port;

	private static McpTestClient client;

	@BeforeEach
	void connectOnce() {
		if (client == null || !client.endpoint().toString().contains(":" + this.port + "/")) {
			client = McpTestClient.forLocalServer(this.port);
			client.connect();
		}
	}

	@AfterEach
	void serverStillAnswersPing() {
		assertThat(client.request("ping", null).result().isEmpty()).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void hostileBodyIsAnsweredAsAClientMistake(String name, byte[] body) {
		McpResponse response = client.raw().body(body).send();
		ClientErrors.assertAnswered(response);
		if (response.status() == 200 && response.isJson()) {
			assertThat(response.response().has("result") || response.response().has("error")).as(response.toString())
				.isTrue();
		}
	}

	static Stream<Arguments> corpus() {
		List<Arguments> corpus = new ArrayList<>();
		// truncated JSON
		for (String message : List.of(PING, CALL)) {
			byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
			for (int length = 0; length < bytes.length; length += 11) {
				corpus.add(case_("truncated " + length + " of " + bytes.length, java.util.Arrays.copyOf(bytes, length)));
			}
		}
		// deep nesting, in every place a value can be
		for (int depth : new int[] { 65, 10_000, 100_000 }) {
			corpus.add(case_("array nesting " + depth, "[".repeat(depth) + "]".repeat(depth)));
			corpus.add(case_("unclosed nesting " + depth, "{\"a\":".repeat(depth)));
			corpus.add(case_("object nesting " + depth, "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
			corpus.add(case_("nesting in arguments " + depth, call("{\"text\":" + "[".repeat(depth) + "]".repeat(depth) + "}")));
			corpus.add(case_("nesting in id " + depth,
					"{\"jsonrpc\":\"2.0\",\"id\":" + "[".repeat(depth) + "]".repeat(depth) + ",\"method\":\"ping\"}"));
			corpus.add(case_("nesting in meta " + depth, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{"
					+ "\"_meta\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}}"));
		}
		// huge numbers
		for (String number : List.of("1e1000000", "-1e-1000000", "1E+999999999", "9".repeat(10_000),
				"0." + "1".repeat(10_000), "-" + "9".repeat(1000), "1" + "0".repeat(20), "18446744073709551616",
				"-9223372036854775809", "1.5", "-0", "0e0")) {
			corpus.add(case_("number as id " + abbreviate(number),
					"{\"jsonrpc\":\"2.0\",\"id\":" + number + ",\"method\":\"ping\"}"));
			corpus.add(case_("number as argument " + abbreviate(number), call("{\"text\":" + number + "}")));
			corpus.add(case_("number as progress token " + abbreviate(number),
					"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
							+ "\"arguments\":{\"text\":\"x\"},\"_meta\":{\"progressToken\":" + number + "}}}"));
			corpus.add(case_("number as task ttl " + abbreviate(number),
					"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
							+ "\"arguments\":{\"text\":\"x\"},\"task\":{\"ttl\":" + number + "}}}"));
		}
		// long strings
		String longText = "x".repeat(60_000);
		corpus.add(case_("long argument", call("{\"text\":\"" + longText + "\"}")));
		corpus.add(case_("long method", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + longText + "\"}"));
		corpus.add(case_("long id", "{\"jsonrpc\":\"2.0\",\"id\":\"" + longText + "\",\"method\":\"ping\"}"));
		corpus.add(case_("long tool name", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{"
				+ "\"name\":\"" + longText + "\"}}"));
		corpus.add(case_("long member name", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\""
				+ longText + "\":1}}"));
		corpus.add(case_("long uri", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{"
				+ "\"uri\":\"notes://" + longText + "\"}}"));
		corpus.add(case_("many escapes", call("{\"text\":\"" + "\\u00e9".repeat(10_000) + "\"}")));
		corpus.add(case_("above max request size", call("{\"text\":\"" + "y".repeat(70_000) + "\"}")));
		// invalid UTF-8, in the id, a string, a member name and the structure
		for (String hex : List.of("C0 80", "C1 BF", "E0 80 80", "F0 80 80 80", "ED A0 80", "ED BF BF",
				"ED A0 80 ED B0 80", "F4 90 80 80", "F5 80 80 80", "F8 88 80 80 80", "FC 84 80 80 80 80", "FE", "FF",
				"80", "BF", "C3", "C3 28", "E2 82", "E2 28 A1", "F0 9F 98", "F0 28 8C 28")) {
			byte[] bad = bytes(hex);
			corpus.add(case_("invalid UTF-8 in id " + hex, concat("{\"jsonrpc\":\"2.0\",\"id\":\"a", bad,
					"\",\"method\":\"ping\"}")));
			corpus.add(case_("invalid UTF-8 in argument " + hex, concat(
					"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
							+ "\"arguments\":{\"text\":\"",
					bad, "\"}}}")));
			corpus.add(case_("invalid UTF-8 in name " + hex, concat("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\","
					+ "\"params\":{\"", bad, "\":1}}")));
			corpus.add(case_("invalid UTF-8 outside strings " + hex, concat("{\"jsonrpc\":\"2.0\",\"id\":1,", bad,
					"\"method\":\"ping\"}")));
		}
		// escaped surrogates
		for (String escape : List.of("\\ud800", "\\udfff", "\\ud83d\\u0041", "\\ude00\\ud83d", "\\ud83d\\ud83d",
				"\\ud83d\\ude00", "\\u0000", "\\uffff", "\\ufeff", "\\u12", "\\uZZZZ", "\\x41", "\\")) {
			corpus.add(case_("escape in id " + escape,
					"{\"jsonrpc\":\"2.0\",\"id\":\"" + escape + "\",\"method\":\"ping\"}"));
			corpus.add(case_("escape in method " + escape,
					"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping" + escape + "\"}"));
			corpus.add(case_("escape in argument " + escape, call("{\"text\":\"" + escape + "\"}")));
		}
		// byte order marks and other encodings
		corpus.add(case_("UTF-8 BOM", concat("", bytes("EF BB BF"), PING)));
		corpus.add(case_("two UTF-8 BOMs", concat("", bytes("EF BB BF EF BB BF"), PING)));
		corpus.add(case_("UTF-8 BOM inside", concat("{\"jsonrpc\":\"2.0\",", bytes("EF BB BF"), "\"id\":1,\"method\":\"ping\"}")));
		corpus.add(case_("UTF-16LE", PING.getBytes(StandardCharsets.UTF_16LE)));
		corpus.add(case_("UTF-16BE", PING.getBytes(StandardCharsets.UTF_16BE)));
		corpus.add(case_("UTF-16 with BOM", PING.getBytes(StandardCharsets.UTF_16)));
		corpus.add(case_("UTF-32LE", PING.getBytes(Charset.forName("UTF-32LE"))));
		corpus.add(case_("UTF-32BE", PING.getBytes(Charset.forName("UTF-32BE"))));
		corpus.add(case_("ISO-8859-1 text", CALL.replace("\ud83d\ude00", "").getBytes(StandardCharsets.ISO_8859_1)));
		// NUL bytes and control characters
		corpus.add(case_("NUL in string", "{\"jsonrpc\":\"2.0\",\"id\":\"a\u0000b\",\"method\":\"ping\"}"));
		corpus.add(case_("NUL between members", "{\"jsonrpc\":\"2.0\",\u0000\"id\":1,\"method\":\"ping\"}"));
		corpus.add(case_("NUL after the message", PING + "\u0000"));
		corpus.add(case_("only NUL", "\u0000"));
		for (char control : new char[] { 1, 8, 9, 10, 13, 27, 31, 127 }) {
			corpus.add(case_("control " + (int) control + " in method",
					"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"pi" + control + "ng\"}"));
			corpus.add(case_("control " + (int) control + " in argument", call("{\"text\":\"a" + control + "b\"}")));
		}
		corpus.add(case_("escaped controls in method",
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\\u0000\\n\\r\\t\\u001b[31m\"}"));
		corpus.add(case_("whitespace everywhere", " \t\r\n{ \"jsonrpc\" : \"2.0\" ,\n\"id\" :\t1 , \"method\" : \"ping\" }\r\n "));
		// duplicate members
		corpus.add(case_("duplicate method", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"method\":\"ping\"}"));
		corpus.add(case_("duplicate id", "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":{},\"method\":\"ping\"}"));
		corpus.add(case_("duplicate jsonrpc", "{\"jsonrpc\":\"1.0\",\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"));
		corpus.add(case_("duplicate argument", call("{\"text\":\"a\",\"text\":\"b\"}")));
		corpus.add(case_("duplicate params", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{},\"params\":[]}"));
		// wrong types
		for (String value : List.of("null", "false", "-1", "1.5", "\"\"", "[1]", "{}", "{\"a\":1}")) {
			corpus.add(case_("jsonrpc " + value, "{\"jsonrpc\":" + value + ",\"id\":1,\"method\":\"ping\"}"));
			corpus.add(case_("id " + value, "{\"jsonrpc\":\"2.0\",\"id\":" + value + ",\"method\":\"ping\"}"));
			corpus.add(case_("method " + value, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":" + value + "}"));
			corpus.add(case_("params " + value, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":" + value + "}"));
			corpus.add(case_("tool name " + value, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{"
					+ "\"name\":" + value + "}}"));
			corpus.add(case_("tool arguments " + value, call(value)));
			corpus.add(case_("echo text " + value, call("{\"text\":" + value + "}")));
			corpus.add(case_("meta " + value, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"_meta\":"
					+ value + "}}"));
			corpus.add(case_("task " + value, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{"
					+ "\"name\":\"echo\",\"arguments\":{\"text\":\"x\"},\"task\":" + value + "}}"));
			corpus.add(case_("cursor " + value, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{"
					+ "\"cursor\":" + value + "}}"));
			corpus.add(case_("uri " + value, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{"
					+ "\"uri\":" + value + "}}"));
			corpus.add(case_("taskId " + value, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tasks/get\",\"params\":{"
					+ "\"taskId\":" + value + "}}"));
			corpus.add(case_("level " + value, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\","
					+ "\"params\":{\"level\":" + value + "}}"));
			corpus.add(case_("cancelled requestId " + value, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
					+ "\"params\":{\"requestId\":" + value + "}}"));
			corpus.add(case_("response result " + value, "{\"jsonrpc\":\"2.0\",\"id\":\"s-1\",\"result\":" + value + "}"));
			corpus.add(case_("response error " + value, "{\"jsonrpc\":\"2.0\",\"id\":\"s-1\",\"error\":" + value + "}"));
			corpus.add(case_("initialize params " + value, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
					+ "\"params\":" + value + "}"));
			corpus.add(case_("initialize capabilities " + value, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
					+ "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":" + value
					+ ",\"clientInfo\":" + value + "}}"));
		}
		// batches and top-level values
		corpus.add(case_("empty batch", "[]"));
		corpus.add(case_("batch of one", "[" + PING + "]"));
		corpus.add(case_("batch of batches", "[[" + PING + "],[" + PING + "]]"));
		corpus.add(case_("batch of 1000", "[" + String.join(",", java.util.Collections.nCopies(1000, PING)) + "]"));
		for (String value : List.of("null", "true", "0", "\"ping\"", "{}", "", " ", "\n\n", "{", "}", "[", "]", "\"",
				"nul", "tru", "NaN", "Infinity", "-Infinity", "undefined", "{\"jsonrpc\":\"2.0\",}",
				"{'jsonrpc':'2.0','id':1,'method':'ping'}", "{jsonrpc:\"2.0\",id:1,method:\"ping\"}",
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} // comment",
				"/* c */ {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", PING + PING, PING + " x", PING + "}",
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",}", "{\"jsonrpc\":\"2.0\" \"id\":1}")) {
			corpus.add(case_("top level " + abbreviate(value), value));
		}
		// nulls
		corpus.add(case_("all null", "{\"jsonrpc\":null,\"id\":null,\"method\":null,\"params\":null}"));
		corpus.add(case_("null id request", "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}"));
		corpus.add(case_("null arguments", call("null")));
		corpus.add(case_("null response", "{\"jsonrpc\":\"2.0\",\"id\":null,\"result\":null}"));
		// big arrays of small items
		corpus.add(case_("array of zeros", call("{\"text\":[" + "0,".repeat(30_000) + "0]}")));
		corpus.add(case_("array of objects", call("{\"text\":[" + "{},".repeat(20_000) + "{}]}")));
		corpus.add(case_("array of arrays", call("{\"text\":[" + "[],".repeat(20_000) + "[]]}")));
		corpus.add(case_("object of members", call("{" + memberList(5_000) + "}")));
		corpus.add(case_("meta of members", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"_meta\":{"
				+ memberList(5_000) + "}}}"));
		// seeded random mutations of valid messages
		Random random = new Random(8);
		for (int i = 0; i < 150; i++) {
			String message = MESSAGES.get(random.nextInt(MESSAGES.size()));
			corpus.add(case_("mutant " + i, mutate(message.getBytes(StandardCharsets.UTF_8), random)));
		}
		return corpus.stream();
	}

	private static Arguments case_(String name, String body) {
		return case_(name, body.getBytes(StandardCharsets.UTF_8));
	}

	private static Arguments case_(String name, byte[] body) {
		return Arguments.of(name, body);
	}

	private static String call(String arguments) {
		return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":"
				+ arguments + "}}";
	}

	private static String memberList(int count) {
		StringBuilder members = new StringBuilder();
		for (int i = 0; i < count; i++) {
			members.append((i > 0) ? "," : "").append("\"m").append(i).append("\":").append(i);
		}
		return members.toString();
	}

	private static byte[] mutate(byte[] message, Random random) {
		byte[] mutant = message.clone();
		int edits = 1 + random.nextInt(4);
		for (int edit = 0; edit < edits; edit++) {
			int position = random.nextInt(mutant.length);
			switch (random.nextInt(5)) {
				case 0 -> mutant[position] = (byte) random.nextInt(256);
				case 1 -> mutant[position] = TOKENS[random.nextInt(TOKENS.length)];
				case 2 -> mutant = java.util.Arrays.copyOf(mutant, position);
				case 3 -> {
					ByteArrayOutputStream out = new ByteArrayOutputStream();
					out.write(mutant, 0, position);
					out.write(mutant, position, mutant.length - position);
					out.write(mutant, position, mutant.length - position);
					mutant = out.toByteArray();
				}
				default -> {
					ByteArrayOutputStream out = new ByteArrayOutputStream();
					out.write(mutant, 0, position);
					out.write(mutant, Math.min(mutant.length, position + 1), Math.max(0, mutant.length - position - 1));
					mutant = out.toByteArray();
				}
			}
			if (mutant.length == 0) {
				break;
			}
		}
		return mutant;
	}

	private static String abbreviate(String value) {
		return (value.length() > 24) ? value.substring(0, 20) + "...(" + value.length() + ")" : value;
	}

	private static byte[] bytes(String hex) {
		return HexFormat.ofDelimiter(" ").parseHex(hex);
	}

	private static byte[] concat(String before, byte[] middle, String after) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
		out.writeBytes(middle);
		out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

}
