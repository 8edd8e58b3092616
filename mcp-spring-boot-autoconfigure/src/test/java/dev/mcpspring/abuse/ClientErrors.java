package dev.mcpspring.abuse;

import dev.mcpspring.test.McpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions on the answer to a hostile or broken request.
 */
final class ClientErrors {

	private ClientErrors() {
	}

	/**
	 * Asserts that a request was answered as a client mistake or served: HTTP 4xx, or a
	 * 2xx, never a 5xx; a JSON body with a JSON-RPC error or result when there is one;
	 * nothing that looks like a stack trace or an internal detail.
	 * @param response the response
	 */
	static void assertAnswered(McpResponse response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 499);
		assertThat(response.body()).as(response.toString())
			.doesNotContain("Exception")
			.doesNotContain("\tat ")
			.doesNotContain("at java.")
			.doesNotContain(".java:")
			.doesNotContain("dev.mcpspring")
			.doesNotContain("springframework")
			.doesNotContain("tools.jackson")
			.doesNotContain("StreamReadConstraints");
		if (response.status() >= 400 && !response.body().isEmpty()) {
			assertThat(response.isJson()).as(response.toString()).isTrue();
			assertThat(response.error().path("message").asString()).as(response.toString()).isNotBlank();
		}
	}

}
