package dev.mcpspring.internal.task;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.internal.session.InputRound;
import dev.mcpspring.internal.session.McpExchange;
import dev.mcpspring.internal.session.McpSession;
import dev.mcpspring.internal.wire.JsonRpcNotification;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.tasks.TaskExecution;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskStatus;
import tools.jackson.databind.JsonNode;

/**
 * A background task run, seen as an exchange: progress goes to the docket (and, while
 * the submitter's session has a stream open, to the client as
 * {@code notifications/progress} with the original token); cancellation comes from the
 * docket. Requests to the client of a task submitted in a session put the task in
 * {@code input_required} and travel through {@code tasks/result}; a task submitted by a
 * stateless request (2026-07-28) asks in rounds instead: its run ends with the
 * questions, which wait in the docket with the task, and the task runs again with the
 * answers it has (its {@link #inputRound()}).
 */
final class TaskExchange extends McpExchange {

	private final TaskInfo task;

	private final TaskExecution execution;

	private final TaskHost host;

	private final @Nullable Principal principal;

	private final TaskMessages messages;

	private final TaskPropagation.Carried carried;

	private @Nullable McpSession session;

	private boolean sessionLoaded;

	private final @Nullable InputRound round;

	TaskExchange(TaskInfo task, TaskExecution execution, TaskHost host, @Nullable Principal principal,
			TaskMessages messages, TaskPropagation.Carried carried) {
		this.task = task;
		this.execution = execution;
		this.host = host;
		this.principal = principal;
		this.messages = messages;
		this.carried = carried;
		this.round = task.metadata().containsKey(TaskPropagation.CLIENT_CAPABILITIES)
				? new InputRound(task.input().responses()) : null;
	}

	@Override
	public @Nullable InputRound inputRound() {
		return this.round;
	}

	@Override
	public JsonNode clientCapabilities() {
		String capabilities = this.task.metadata().get(TaskPropagation.CLIENT_CAPABILITIES);
		return (capabilities != null) ? McpJson.mapper().readTree(capabilities) : super.clientCapabilities();
	}

	@Override
	public synchronized @Nullable McpSession session() {
		if (!this.sessionLoaded) {
			String id = this.task.metadata().get(TaskPropagation.SESSION);
			this.session = (id != null) ? this.host.findSession(id).orElse(null) : null;
			this.sessionLoaded = true;
		}
		return this.session;
	}

	/**
	 * Returns the session that submitted the task, whose client answers the task's
	 * requests through {@code tasks/result}, without reading it from the store.
	 */
	@Override
	public @Nullable String clientSessionId() {
		return this.task.metadata().get(TaskPropagation.SESSION);
	}

	@Override
	public String protocolVersion() {
		return this.task.metadata().getOrDefault(TaskPropagation.PROTOCOL_VERSION, this.host.defaultProtocolVersion());
	}

	@Override
	public @Nullable JsonNode requestId() {
		return null;
	}

	@Override
	public @Nullable JsonNode progressToken() {
		String token = this.task.metadata().get(TaskPropagation.PROGRESS_TOKEN);
		return (token != null) ? McpJson.mapper().readTree(token) : null;
	}

	@Override
	public @Nullable Principal principal() {
		return this.principal;
	}

	@Override
	public @Nullable String owner() {
		return this.task.owner();
	}

	@Override
	public @Nullable String header(String name) {
		return this.carried.header(name);
	}

	@Override
	public String taskId() {
		return this.task.id();
	}

	@Override
	public boolean isCancelled() {
		return this.execution.isCancelled();
	}

	@Override
	public void progress(double progress, @Nullable Double total, @Nullable String message) {
		this.execution.progress(progress, total, message);
		super.progress(progress, total, message);
	}

	@Override
	public void awaitingClient(boolean waiting) {
		if (waiting) {
			this.execution.status(TaskStatus.INPUT_REQUIRED, "Waiting for input from the client");
		}
		else {
			this.execution.status(TaskStatus.WORKING, null);
		}
	}

	/**
	 * Sends a message: requests to the client wait for {@code tasks/result} to deliver
	 * them; notifications go to the session's open stream.
	 * @throws IllegalStateException when the task has as many requests waiting for
	 * {@code tasks/result} as allowed
	 */
	@Override
	public void send(JsonRpcNotification message) {
		String sessionId = this.task.metadata().get(TaskPropagation.SESSION);
		if (message.id() != null) {
			if (!this.messages.offer(this.task.id(), sessionId, message)) {
				throw new IllegalStateException("Task " + this.task.id()
						+ " has as many requests waiting for tasks/result as allowed "
						+ "(mcp.server.max-pending-client-requests)");
			}
			return;
		}
		if (sessionId != null) {
			this.host.sendToSession(sessionId, message);
		}
	}

}
