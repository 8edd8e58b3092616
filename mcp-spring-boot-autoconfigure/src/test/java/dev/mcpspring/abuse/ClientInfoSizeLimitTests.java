package dev.mcpspring.abuse;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.internal.protocol.McpServer;
import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mcp.server.max-client-info-size} (16KB by default): {@code initialize} with
 * larger {@code capabilities} or {@code clientInfo} is refused with {@code -32602}, no
 * session is kept, and the server stays healthy.
 */
@LimitsTest
class ClientInfoSizeLimitTests {

	private static final String TWO_MIB = "x".repeat(2 * 1024 * 1024);

	@LocalServerPort
	private int port;

	@Autowired
	private McpServer server;

	@Test
	void twoMebibytesOfCapabilitiesAreRefusedAndNothingIsKept() {
		long sessions = this.server.sessions().count();
		for (int i = 0; i < 20; i++) {
			McpResponse response = initialize(Map.of("experimental", Map.of("padding", TWO_MIB)),
					Map.of("name", "c", "version", "1"));
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.errorCode()).isEqualTo(-32602);
			assertThat(response.error().path("message").asString()).contains("capabilities")
				.contains("16384 bytes");
			assertThat(response.header(McpTestClient.SESSION_ID)).isNull();
		}
		assertThat(this.server.sessions().count()).isEqualTo(sessions);
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		assertThat(client.callTool("echo", Map.of("text", "still here")).text()).isEqualTo("still here");
	}

	@Test
	void aLargeClientInfoIsRefused() {
		McpResponse response = initialize(Map.of(), Map.of("name", TWO_MIB.substring(0, 20_000), "version", "1"));
		assertThat(response.errorCode()).isEqualTo(-32602);
		assertThat(response.header(McpTestClient.SESSION_ID)).isNull();
	}

	@Test
	void capabilitiesJustBelowTheLimitAreKept() {
		McpResponse response = initialize(Map.of("experimental", Map.of("padding", TWO_MIB.substring(0, 15_000))),
				Map.of("name", "c", "version", "1"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header(McpTestClient.SESSION_ID)).isNotNull();
	}

	private McpResponse initialize(Map<String, Object> capabilities, Map<String, Object> clientInfo) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("protocolVersion", McpTestClient.LATEST_VERSION);
		params.put("capabilities", capabilities);
		params.put("clientInfo", clientInfo);
		return McpTestClient.forLocalServer(this.port).send(McpTestClient.request(1, "initialize", params));
	}

}
