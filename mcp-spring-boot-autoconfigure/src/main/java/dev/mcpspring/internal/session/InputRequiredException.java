package dev.mcpspring.internal.session;

import dev.mcpspring.McpException;
import dev.mcpspring.internal.wire.ErrorCodes;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ends a run of a 2026-07-28 request whose questions are not all answered; the server
 * answers with an {@code input_required} result. An {@link McpException} so that it
 * passes through the features as their refusals do, never reaching the client as an
 * error.
 */
public final class InputRequiredException extends McpException {

	private final transient ObjectNode inputRequests;

	/**
	 * Creates the signal.
	 * @param inputRequests the unanswered questions: key to {@code {method, params}}
	 */
	InputRequiredException(ObjectNode inputRequests) {
		super(ErrorCodes.INTERNAL_ERROR, "The client must answer " + inputRequests.propertyNames()
				+ " and retry the request; this signal must not be caught by tool code", null);
		this.inputRequests = inputRequests;
	}

	/**
	 * Returns the unanswered questions.
	 * @return key to {@code {method, params}}
	 */
	public ObjectNode inputRequests() {
		return this.inputRequests;
	}

}
