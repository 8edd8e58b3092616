package dev.mcpspring.abuse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;

import dev.mcpspring.internal.docket.InMemoryDocket;
import dev.mcpspring.internal.wire.McpJson;

/**
 * {@link DocketFairnessContract} for the in-memory docket.
 */
class InMemoryDocketFairnessTests extends DocketFairnessContract<InMemoryDocket> {

	private final List<InMemoryDocket> dockets = new ArrayList<>();

	@AfterEach
	void stop() {
		this.dockets.forEach(InMemoryDocket::stop);
	}

	@Override
	InMemoryDocket docket() {
		InMemoryDocket docket = new InMemoryDocket(McpJson.mapper(), Duration.ofHours(1), LEASE, 100_000, LIMITS);
		docket.start();
		this.dockets.add(docket);
		return docket;
	}

}
