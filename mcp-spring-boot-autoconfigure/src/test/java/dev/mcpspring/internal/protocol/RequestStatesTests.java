package dev.mcpspring.internal.protocol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import dev.mcpspring.McpException;
import dev.mcpspring.internal.wire.McpJson;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sealed {@code requestState}: what it carries, what it is bound to, and when it
 * stops being valid.
 */
class RequestStatesTests {

	private static final SecretKeySpec KEY = new SecretKeySpec(new byte[32], "AES");

	private static final Instant NOW = Instant.parse("2026-07-28T10:00:00Z");

	private final RequestStates states = new RequestStates(KEY, Duration.ofMinutes(10),
			Clock.fixed(NOW, ZoneOffset.UTC));

	private final RequestStates.Binding binding = new RequestStates.Binding("tools/call", "book",
			McpJson.mapper().readTree("{\"b\":1,\"a\":[{\"y\":2,\"x\":1}]}"), "alice");

	@Test
	void opensWhatItSealedForTheSameRequestWithArgumentsInAnyOrder() {
		String state = this.states.seal(this.binding, Map.of("name", McpJson.mapper().readTree("{\"action\":\"accept\"}")));
		RequestStates.Binding reordered = new RequestStates.Binding("tools/call", "book",
				McpJson.mapper().readTree("{\"a\":[{\"x\":1,\"y\":2}],\"b\":1}"), "alice");
		Map<String, JsonNode> answers = this.states.open(state, reordered);
		assertThat(answers).containsOnlyKeys("name");
		assertThat(answers.get("name").path("action").asString()).isEqualTo("accept");
	}

	@Test
	void refusesAnotherPrincipalToolOrArguments() {
		String state = this.states.seal(this.binding, Map.of());
		assertRefused(state, new RequestStates.Binding("tools/call", "book", this.binding.arguments(), "bob"));
		assertRefused(state, new RequestStates.Binding("tools/call", "cancel", this.binding.arguments(), "alice"));
		assertRefused(state, new RequestStates.Binding("prompts/get", "book", this.binding.arguments(), "alice"));
		assertRefused(state, new RequestStates.Binding("tools/call", "book", McpJson.mapper().readTree("{\"b\":2}"),
				"alice"));
	}

	@Test
	void refusesAnExpiredState() {
		String state = this.states.seal(this.binding, Map.of());
		RequestStates later = new RequestStates(KEY, Duration.ofMinutes(10),
				Clock.fixed(NOW.plus(Duration.ofMinutes(11)), ZoneOffset.UTC));
		assertThatExceptionOfType(McpException.class).isThrownBy(() -> later.open(state, this.binding))
			.withMessageContaining("expired")
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(-32602));
	}

	@Test
	void refusesAStateOfAnotherKeyOrAlteredOne() {
		String state = this.states.seal(this.binding, Map.of());
		byte[] other = new byte[32];
		other[0] = 1;
		RequestStates otherKey = new RequestStates(new SecretKeySpec(other, "AES"), Duration.ofMinutes(10),
				Clock.fixed(NOW, ZoneOffset.UTC));
		assertThatExceptionOfType(McpException.class).isThrownBy(() -> otherKey.open(state, this.binding));
		int middle = state.length() / 2;
		assertRefused(state.substring(0, middle) + ((state.charAt(middle) == 'A') ? 'B' : 'A')
				+ state.substring(middle + 1), this.binding);
		assertRefused(state + "-TAMPERED", this.binding);
		assertRefused("v1." + "A".repeat(RequestStates.MAX_STATE_CHARS), this.binding);
	}

	private void assertRefused(String state, RequestStates.Binding binding) {
		assertThatExceptionOfType(McpException.class).isThrownBy(() -> this.states.open(state, binding))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(-32602));
	}

}
