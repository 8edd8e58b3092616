package dev.mcpspring.internal.docket;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.mcpspring.tasks.DocketListener;
import dev.mcpspring.tasks.TaskInfo;

/**
 * The listeners of a docket, told of an event one after the other: a listener that
 * throws is logged and does not keep the others, or the docket, from going on.
 */
public final class DocketListeners implements DocketListener {

	private static final Log logger = LogFactory.getLog(DocketListeners.class);

	private final List<DocketListener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Adds a listener.
	 * @param listener the listener
	 */
	public void add(DocketListener listener) {
		this.listeners.add(listener);
	}

	@Override
	public void onSubmitted(TaskInfo task) {
		tell("onSubmitted", task.id(), (listener) -> listener.onSubmitted(task));
	}

	@Override
	public void onStatusChanged(TaskInfo task, boolean local) {
		tell("onStatusChanged", task.id(), (listener) -> listener.onStatusChanged(task, local));
	}

	@Override
	public void onRetry(TaskInfo task) {
		tell("onRetry", task.id(), (listener) -> listener.onRetry(task));
	}

	@Override
	public void onRedelivered(TaskInfo task) {
		tell("onRedelivered", task.id(), (listener) -> listener.onRedelivered(task));
	}

	@Override
	public void onCancelRequested(String taskId) {
		tell("onCancelRequested", taskId, (listener) -> listener.onCancelRequested(taskId));
	}

	private void tell(String event, String taskId, Consumer<DocketListener> call) {
		for (DocketListener listener : this.listeners) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Docket listener " + listener + " failed in " + event + " of task " + taskId, ex);
			}
		}
	}

}
