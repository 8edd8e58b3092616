package dev.mcpspring.internal.session;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.internal.wire.JsonRpcNotification;

/**
 * The {@code subscriptions/listen} streams (protocol 2026-07-28) clients hold open to
 * this process, each with the notifications it asked for, and the delivery of list
 * changes, resource updates and task status changes to them. A list change or resource
 * update made in this process reaches the streams of this process and, through the
 * {@link McpSessionRelay} when there is one, those of every other instance; a task's
 * status change is heard by every process from the docket, so it is delivered locally
 * only. This process holds at most a maximum number of streams.
 */
public class McpSubscriptions {

	/** The method of a tool list change. */
	public static final String TOOLS_LIST_CHANGED = "notifications/tools/list_changed";

	/** The method of a prompt list change. */
	public static final String PROMPTS_LIST_CHANGED = "notifications/prompts/list_changed";

	/** The method of a resource list change. */
	public static final String RESOURCES_LIST_CHANGED = "notifications/resources/list_changed";

	/** The method of a resource update. */
	public static final String RESOURCE_UPDATED = "notifications/resources/updated";

	/** The method of a task's status change (the tasks extension). */
	public static final String TASK_STATUS = "notifications/tasks";

	private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

	private final AtomicInteger open = new AtomicInteger();

	private final @Nullable McpSessionRelay relay;

	private final int maxStreams;

	/**
	 * Creates the registry.
	 * @param relay carries changes to the other instances, or {@code null} when this
	 * process serves alone
	 * @param maxStreams the most streams this process holds at once
	 */
	public McpSubscriptions(@Nullable McpSessionRelay relay, int maxStreams) {
		this.relay = relay;
		this.maxStreams = maxStreams;
	}

	/**
	 * Returns the most streams this process holds at once.
	 * @return the limit
	 */
	public int maxStreams() {
		return this.maxStreams;
	}

	/**
	 * Registers an open stream, unless this process holds the most streams allowed.
	 * @param filter the notifications the stream takes
	 * @param sink the stream; a send that fails unregisters it
	 * @return a handle that unregisters the stream (it may be run more than once), or
	 * {@code null} when the limit is reached
	 */
	public @Nullable Runnable open(Filter filter, McpStreamSink sink) {
		if (this.open.incrementAndGet() > this.maxStreams) {
			this.open.decrementAndGet();
			return null;
		}
		Subscription subscription = new Subscription(filter, sink);
		this.subscriptions.add(subscription);
		return () -> close(subscription);
	}

	private void close(Subscription subscription) {
		if (this.subscriptions.remove(subscription)) {
			this.open.decrementAndGet();
		}
	}

	/**
	 * Returns the number of streams this process holds.
	 * @return the number of streams
	 */
	public int count() {
		return this.subscriptions.size();
	}

	/**
	 * Tells the streams here and on the other instances that a list changed.
	 * @param method {@link #TOOLS_LIST_CHANGED}, {@link #PROMPTS_LIST_CHANGED} or
	 * {@link #RESOURCES_LIST_CHANGED}
	 */
	public void listChanged(String method) {
		publish(JsonRpcNotification.of(method, null));
	}

	/**
	 * Tells the streams subscribed to a resource, here and on the other instances, that it
	 * was updated.
	 * @param uri the resource's URI
	 */
	public void resourceUpdated(String uri) {
		publish(JsonRpcNotification.of(RESOURCE_UPDATED, Map.of("uri", uri)));
	}

	private void publish(JsonRpcNotification notification) {
		deliverLocally(notification.method(), uriOf(notification.params()));
		if (this.relay != null) {
			this.relay.publishChange(notification);
		}
	}

	/**
	 * Sends a change to the streams of this process that asked for it, never relaying it.
	 * @param method the notification's method
	 * @param uri the updated resource's URI, for {@link #RESOURCE_UPDATED}
	 */
	public void deliverLocally(String method, @Nullable String uri) {
		if (this.subscriptions.isEmpty()) {
			return;
		}
		JsonRpcNotification notification = JsonRpcNotification.of(method,
				(uri != null) ? Map.of("uri", uri) : null);
		for (Subscription subscription : this.subscriptions) {
			if (subscription.filter().accepts(method, uri) && !subscription.sink().send(notification)) {
				close(subscription);
			}
		}
	}

	/**
	 * Sends a task's status change to the streams of this process that watch the task,
	 * never relaying it: every process hears the docket's status changes.
	 * @param taskId the task id
	 * @param task the task as {@code tasks/get} describes it now, made only when a
	 * stream watches the task
	 */
	public void taskChanged(String taskId, Supplier<Object> task) {
		JsonRpcNotification notification = null;
		for (Subscription subscription : this.subscriptions) {
			if (subscription.filter().taskIds().contains(taskId)) {
				if (notification == null) {
					notification = JsonRpcNotification.of(TASK_STATUS, task.get());
				}
				if (!subscription.sink().send(notification)) {
					close(subscription);
				}
			}
		}
	}

	private static @Nullable String uriOf(@Nullable Object params) {
		return (params instanceof Map<?, ?> map && map.get("uri") instanceof String uri) ? uri : null;
	}

	/**
	 * The notifications a stream asked for and the server honours.
	 *
	 * @param toolsListChanged whether tool list changes are sent
	 * @param promptsListChanged whether prompt list changes are sent
	 * @param resourcesListChanged whether resource list changes are sent
	 * @param resourceSubscriptions the URIs whose updates are sent
	 * @param taskIds the tasks whose status changes are sent, in the order asked
	 */
	public record Filter(boolean toolsListChanged, boolean promptsListChanged, boolean resourcesListChanged,
			Set<String> resourceSubscriptions, Set<String> taskIds) {

		/**
		 * Creates a filter.
		 * @param toolsListChanged whether tool list changes are sent
		 * @param promptsListChanged whether prompt list changes are sent
		 * @param resourcesListChanged whether resource list changes are sent
		 * @param resourceSubscriptions the URIs whose updates are sent
		 * @param taskIds the tasks whose status changes are sent, in the order asked
		 */
		public Filter {
			resourceSubscriptions = Set.copyOf(resourceSubscriptions);
			taskIds = Collections.unmodifiableSet(new LinkedHashSet<>(taskIds));
		}

		boolean accepts(String method, @Nullable String uri) {
			return switch (method) {
				case TOOLS_LIST_CHANGED -> this.toolsListChanged;
				case PROMPTS_LIST_CHANGED -> this.promptsListChanged;
				case RESOURCES_LIST_CHANGED -> this.resourcesListChanged;
				case RESOURCE_UPDATED -> uri != null && this.resourceSubscriptions.contains(uri);
				default -> false;
			};
		}

	}

	/**
	 * One open stream; two streams with the same filter are distinct.
	 */
	private static final class Subscription {

		private final Filter filter;

		private final McpStreamSink sink;

		Subscription(Filter filter, McpStreamSink sink) {
			this.filter = filter;
			this.sink = sink;
		}

		Filter filter() {
			return this.filter;
		}

		McpStreamSink sink() {
			return this.sink;
		}

	}

}
