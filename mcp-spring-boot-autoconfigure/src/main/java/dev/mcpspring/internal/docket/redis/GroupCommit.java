package dev.mcpspring.internal.docket.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Sends the items of concurrent callers in batches, one call per batch (group commit):
 * each caller queues its item and waits for its own reply; the caller that takes the lock
 * (the leader) sends everything queued by then in one call, so items that arrive while a
 * call is in flight go together in the next. A lone caller sends its item at once, alone.
 * A failed call fails every item of its batch.
 * <p>
 * When its own item is sent, the leader wakes the callers of the items it sent, then the
 * caller of the first item still queued, to lead next: callers never queue on the lock one
 * after the other only to find their item sent.
 *
 * @param <T> the items
 * @param <R> the reply to one item
 */
final class GroupCommit<T, R> {

	/** How long a waiting caller sleeps before it checks again, in case a wake-up is lost. */
	private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

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
		Pending<T, R> pending = new Pending<>(item, Thread.currentThread());
		this.queue.add(pending);
		boolean interrupted = false;
		while (!pending.done) {
			if (this.sending.tryLock()) {
				List<Pending<T, R>> sent = new ArrayList<>();
				try {
					while (!pending.done) {
						sendBatch(sent);
					}
				}
				finally {
					this.sending.unlock();
					// The callers of the items sent first (not this one, which is not waiting):
					// they may queue their next items in time for the next leader's call
					for (Pending<T, R> done : sent) {
						if (done != pending) {
							LockSupport.unpark(done.caller);
						}
					}
					Pending<T, R> next = this.queue.peek();
					if (next != null) {
						LockSupport.unpark(next.caller);
					}
				}
			}
			else {
				LockSupport.parkNanos(this, RECHECK_NANOS);
				// Waits for the reply like the sender does: an interrupt is kept for later
				interrupted |= Thread.interrupted();
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		if (pending.failure != null) {
			throw pending.failure;
		}
		return pending.reply();
	}

	/**
	 * Sends the items queued by now, at most a batch of them.
	 * @param sent where to add the items sent, whose callers are to be woken
	 */
	private void sendBatch(List<Pending<T, R>> sent) {
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
			sent.addAll(batch);
		}
	}

	/**
	 * One caller's item and, once its batch was sent, its reply or failure (written
	 * before {@code done} is set, read after it is seen).
	 */
	private static final class Pending<T, R> {

		private final T item;

		private final Thread caller;

		private @Nullable R reply;

		private @Nullable RuntimeException failure;

		private volatile boolean done;

		Pending(T item, Thread caller) {
			this.item = item;
			this.caller = caller;
		}

		@SuppressWarnings("NullAway") // set with the batch's replies unless failure is set
		R reply() {
			return this.reply;
		}

	}

}
