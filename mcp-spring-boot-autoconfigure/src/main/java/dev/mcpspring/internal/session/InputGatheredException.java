package dev.mcpspring.internal.session;

import dev.mcpspring.McpException;
import dev.mcpspring.internal.wire.ErrorCodes;

/**
 * Ends the run of a 2026-07-28 call that gathers a tool's first input before its task is
 * created ({@link InputRound#gatherBeforeTask()}): every answer is there, so the call
 * goes on as a task, which finds them in the round's {@link InputRound#used() used}
 * answers. An {@link McpException} so that it passes through the features as their
 * refusals do.
 */
public final class InputGatheredException extends McpException {

	InputGatheredException() {
		super(ErrorCodes.INTERNAL_ERROR, "The tool's input is gathered and its task must be created; "
				+ "this signal must not be caught by tool code", null);
	}

}
