package dev.mcpspring;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ObjectNode;

/**
 * A tool the server offers: its description and how to call it. {@link McpTool} methods
 * are adapted to this interface; implement it to register tools programmatically with
 * {@link McpToolRegistry}.
 */
public interface McpToolHandler {

	/**
	 * Returns the tool as listed to clients (without {@code execution}, which the
	 * registry adds).
	 * @return the tool
	 */
	Tool tool();

	/**
	 * Returns whether the tool may be run as a task; {@code null} for the server default.
	 * @return the task support, or {@code null}
	 */
	default @Nullable TaskSupport taskSupport() {
		return null;
	}

	/**
	 * Returns whether a 2026-07-28 call that runs as a task gathers the tool's first input
	 * before the task is created (see {@link McpTool#inputBeforeTask()}).
	 * @return whether the first input is gathered on the call
	 */
	default boolean inputBeforeTask() {
		return false;
	}

	/**
	 * Calls the tool.
	 * @param arguments the arguments (an empty object when none were given)
	 * @param context the context of the call
	 * @return the result; failures the model should see are results with
	 * {@code isError: true}
	 * @throws Exception a {@link dev.mcpspring.McpException} to answer with a
	 * JSON-RPC error
	 */
	CallToolResult call(ObjectNode arguments, McpContext context) throws Exception;

}
