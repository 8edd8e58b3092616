package dev.mcpspring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * The condition of {@link ConditionalOnMcpEnabled}.
 */
class OnMcpEnabledCondition extends AnyNestedCondition {

	OnMcpEnabledCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnBooleanProperty(name = "mcp.server.enabled", matchIfMissing = true)
	static class ServerEnabled {

	}

	@ConditionalOnBooleanProperty(name = "mcp.worker.enabled")
	static class WorkerOnly {

	}

}
