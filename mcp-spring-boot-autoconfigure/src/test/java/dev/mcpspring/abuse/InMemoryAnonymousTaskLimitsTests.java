package dev.mcpspring.abuse;

import java.util.List;

/**
 * {@link AnonymousTaskLimitsContract} on the in-memory docket.
 */
class InMemoryAnonymousTaskLimitsTests extends AnonymousTaskLimitsContract {

	@Override
	List<String> store() {
		return List.of("--mcp.docket.store=memory");
	}

	@Override
	void tidy() {
		// the docket went with the application
	}

}
