package dev.mcpspring.internal.protocol;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Negotiation of a {@link ProtocolRevision} and the {@code initialize} result of the 2025
 * family.
 */
class ProtocolRevisionTests {

	@Test
	void negotiatesTheClientsRevisionWhenSupported() {
		for (String version : ProtocolVersions.LEGACY) {
			assertThat(ProtocolVersions.negotiate(version).version()).isEqualTo(version);
		}
	}

	@Test
	void negotiatesTheLatestRevisionForAnUnknownVersion() {
		assertThat(ProtocolVersions.negotiate("2024-11-05").version()).isEqualTo(ProtocolVersions.LATEST);
	}

	@Test
	void initializeNeverNegotiatesTheStatelessRevision() {
		assertThat(ProtocolVersions.negotiate(ProtocolVersions.V2026_07_28).version())
			.isEqualTo(ProtocolVersions.LATEST);
	}

	@Test
	void answersInitializeWithTheSameMembersInEveryRevisionOfThe2025Family() {
		Map<String, Object> capabilities = Map.of("logging", Map.of(), "tasks", Map.of());
		Implementation server = new Implementation("reports", null, "1.0.0");
		for (String version : ProtocolVersions.LEGACY) {
			InitializeResult result = ProtocolVersions.negotiate(version).initializeResult(capabilities, server, "Hi");
			assertThat(result).isEqualTo(new InitializeResult(version, capabilities, server, "Hi"));
		}
	}

}
