package dev.mcpspring.internal.tool;

/**
 * Told of every direct tool call, for metrics.
 */
@FunctionalInterface
public interface ToolCallObserver {

	/** An observer that does nothing. */
	ToolCallObserver NONE = (tool, outcome, nanos) -> {
	};

	/**
	 * Records a finished call.
	 * @param tool the tool name
	 * @param outcome {@code success}, {@code error} (a result with {@code isError}),
	 * {@code failure} (a JSON-RPC error) or {@code cancelled}
	 * @param nanos how long the call took
	 */
	void called(String tool, String outcome, long nanos);

}
