package dev.mcpspring.internal.protocol;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mcpspring.McpException;
import dev.mcpspring.internal.wire.McpJson;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The 2026-07-28 revision's wire rules that need no server: which requests claim it,
 * header values, result stamping and error translation.
 */
class Mcp2026RevisionTests {

	private final Mcp2026Revision revision = ProtocolVersions.modern();

	@Test
	void claimedByTheHeaderOrByAVersionInMeta() {
		ObjectNode withMeta = McpJson.mapper().createObjectNode();
		withMeta.putObject("_meta").put(Mcp2026Revision.META_PROTOCOL_VERSION, "v999.0.0");
		assertThat(Mcp2026Revision.isClaimedBy("2026-07-28", null)).isTrue();
		assertThat(Mcp2026Revision.isClaimedBy(null, withMeta)).isTrue();
		assertThat(Mcp2026Revision.isClaimedBy("2025-11-25", McpJson.mapper().createObjectNode())).isFalse();
		assertThat(Mcp2026Revision.isClaimedBy(null, null)).isFalse();
	}

	@Test
	void decodesBase64HeaderValuesAndTrimsPlainOnes() {
		assertThat(Mcp2026Revision.decodeHeaderValue("  echo ")).isEqualTo("echo");
		assertThat(Mcp2026Revision.decodeHeaderValue("=?base64?w6lsw6h2ZQ==?=")).isEqualTo("élève");
		assertThat(Mcp2026Revision.decodeHeaderValue("=?base64?ZWNobw==")).isEqualTo("=?base64?ZWNobw==");
		assertThat(Mcp2026Revision.decodeHeaderValue("ZWNobw==?=")).isEqualTo("ZWNobw==?=");
	}

	@Test
	void refusesInvalidBase64HeaderValues() {
		for (String value : new String[] { "=?base64?SGVsbG8?=", "=?base64?SGVs!!!bG8=?=", "=?base64?/w==?=" }) {
			assertThatExceptionOfType(McpException.class).isThrownBy(() -> Mcp2026Revision.decodeHeaderValue(value))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(Mcp2026Revision.HEADER_MISMATCH));
		}
	}

	@Test
	void stampsResultsWithTypeServerInfoAndCacheHintsWhereTheyBelong() {
		Implementation server = new Implementation("reports", null, "1.0.0");
		CachePolicy cache = new CachePolicy(Map.of("tools/list", new CachePolicy.Hint(60_000, true)));
		ObjectNode list = this.revision.stamp("tools/list", Map.of("tools", List.of()), server, cache);
		assertThat(list.path("resultType").asString()).isEqualTo("complete");
		assertThat(list.path("ttlMs").asLong()).isEqualTo(60_000);
		assertThat(list.path("cacheScope").asString()).isEqualTo("public");
		ObjectNode prompts = this.revision.stamp("prompts/list", Map.of("prompts", List.of()), server, cache);
		assertThat(prompts.path("ttlMs").asInt()).isZero();
		assertThat(prompts.path("cacheScope").asString()).isEqualTo("private");
		assertThat(list.at("/_meta/io.modelcontextprotocol~1serverInfo/name").asString()).isEqualTo("reports");
		ObjectNode call = this.revision.stamp("tools/call", Map.of("content", List.of()), server, cache);
		assertThat(call.has("ttlMs")).isFalse();
		assertThat(call.has("cacheScope")).isFalse();
	}

	@Test
	void discoverOffersChangeNotificationsButNoTasksYet() {
		Map<String, Object> capabilities = Map.of("logging", Map.of(), "tasks", Map.of("list", Map.of()), "tools",
				Map.of("listChanged", true), "resources", Map.of("subscribe", true, "listChanged", true));
		Map<String, Object> result = this.revision.discoverResult(capabilities,
				new Implementation("reports", null, "1.0.0"), null);
		assertThat(result).containsOnlyKeys("supportedVersions", "capabilities");
		assertThat(result.get("capabilities")).isEqualTo(Map.of("logging", Map.of(), "tools",
				Map.of("listChanged", true), "resources", Map.of("subscribe", true, "listChanged", true),
				"extensions", Map.of()));
	}

	@Test
	void resourceNotFoundIsInvalidParams() {
		McpException translated = this.revision.translate(McpException.resourceNotFound("notes://none"));
		assertThat(translated.getCode()).isEqualTo(-32602);
		assertThat(translated.getData()).isEqualTo(Map.of("uri", "notes://none"));
	}

	@Test
	void unsupportedVersionNamesTheSupportedAndTheRequested() {
		McpException error = Mcp2026Revision.unsupportedVersion("v999.0.0");
		assertThat(error.getCode()).isEqualTo(-32022);
		assertThat(error.getData()).isEqualTo(Map.of("supported", ProtocolVersions.ALL, "requested", "v999.0.0"));
	}

}
