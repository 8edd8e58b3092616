package dev.mcpspring.internal.docket;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;

import dev.mcpspring.internal.wire.McpJson;

/**
 * {@link DocketAdminContract} on the in-memory docket.
 */
class InMemoryDocketAdminTests extends DocketAdminContract<InMemoryDocket> {

	private final InMemoryDocket docket = new InMemoryDocket(McpJson.mapper(), Duration.ofHours(1), LEASE, 10_000);

	InMemoryDocketAdminTests() {
		this.docket.start();
	}

	@Override
	protected InMemoryDocket docket() {
		return this.docket;
	}

	@AfterEach
	void tidy() {
		stopWorkers();
		this.docket.stop();
	}

}
