package dev.mcpspring.internal.docket.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Sends the items of concurrent callers in batches, one call per batch (group commit):
 * each caller queues its item and waits for its own reply; whoever holds the lock sends
 * everything queued by then in one call, so items that arrive while a call is in flight
 * go together in the next. A lone caller sends its item at once, alone. A failed call
 * fails every item of its batch.
 *
 * @param <T> the items
 * @param <R> the reply to one item
 */
final class GroupCommit<T, R> {

	private final Queue<Pending<T, R>> queue = new ConcurrentLinkedQueue<>();

	private final ReentrantLock sending = new ReentrantLock();

	private final Function<List<T>, List<R>> send;

	private final int maxBatch;

	/**
	 * Creates a group commit.
	 * @param send sends a batch and returns one reply per item, in order
	 * @param maxBatch the most items in one call
	 */
	GroupCommit(Function<List<T>, List<R>> send, int maxBatch) {
		this.send = send;
		this.maxBatch = maxBatch;
	}

	/**
	 * Sends an item, with those of other callers, and waits for its reply.
	 * @param item the item
	 * @return its reply
	 * @throws RuntimeException what sending its batch threw
	 */
	R submit(T item) {
		Pending<T, R> pending = new Pending<>(item);
		this.queue.add(pending);
		this.sending.lock();
		try {
			while (!pending.done) {
				sendBatch();
			}
		}
		finally {
			this.sending.unlock();
		}
		if (pending.failure != null) {
			throw pending.failure;
		}
		return pending.reply();
	}

	private void sendBatch() {
		List<Pending<T, R>> batch = new ArrayList<>();
		Pending<T, R> next;
		while (batch.size() < this.maxBatch && (next = this.queue.poll()) != null) {
			batch.add(next);
		}
		List<T> items = new ArrayList<>(batch.size());
		batch.forEach((pending) -> items.add(pending.item));
		try {
			List<R> replies = this.send.apply(items);
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).reply = replies.get(i);
			}
		}
		catch (RuntimeException ex) {
			batch.forEach((pending) -> pending.failure = ex);
		}
		finally {
			batch.forEach((pending) -> pending.done = true);
		}
	}

	/**
	 * One caller's item and, once its batch was sent, its reply or failure (written and
	 * read under the lock).
	 */
	private static final class Pending<T, R> {

		private final T item;

		private @Nullable R reply;

		private @Nullable RuntimeException failure;

		private boolean done;

		Pending(T item) {
			this.item = item;
		}

		@SuppressWarnings("NullAway") // set with the batch's replies unless failure is set
		R reply() {
			return this.reply;
		}

	}

}
