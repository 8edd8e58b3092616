package dev.mcpspring.internal.web;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.mcpspring.internal.docket.DaemonThreads;

/**
 * An SSE connection held open with servlet async processing (that of a GET request) and
 * written with non-blocking I/O: a write never waits for the client. Bytes the client cannot
 * take yet wait in a queue that the container drains when the connection becomes
 * writable again; a client that lets more than the send buffer's events wait has fallen
 * behind, and its connection is closed (it resumes with {@code Last-Event-ID} from the
 * stream's replay buffer). Whoever sends to the stream (another request, a broadcast, the
 * relay of another instance, a task's status) therefore never blocks on this client.
 */
final class AsyncSseConnection implements SseConnection, WriteListener, AsyncListener {

	private static final int CLOSE_GRACE_SECONDS = 5;

	private static final ScheduledThreadPoolExecutor closer = closer();

	private final ReentrantLock lock = new ReentrantLock();

	private final Deque<byte[]> queue = new ArrayDeque<>();

	private final AsyncContext async;

	private final ServletOutputStream out;

	private final int sendBuffer;

	private final AtomicBoolean completed = new AtomicBoolean();

	private volatile Runnable onClose = () -> {
	};

	private volatile boolean closed;

	private boolean flushNeeded;

	private int replayQueued;

	private boolean closing;

	private AsyncSseConnection(AsyncContext async, ServletOutputStream out, int sendBuffer) {
		this.async = async;
		this.out = out;
		this.sendBuffer = sendBuffer;
	}

	/**
	 * Starts an SSE response: status 200, {@code text/event-stream}, asynchronous, with
	 * non-blocking writes.
	 * @param request the GET request
	 * @param response its response
	 * @param timeoutMillis how long the connection stays open, 0 for unlimited
	 * @param sendBuffer how many events may wait for a slow client before its connection
	 * is closed
	 * @return the connection
	 * @throws IOException when the client has gone
	 */
	static AsyncSseConnection start(HttpServletRequest request, HttpServletResponse response, long timeoutMillis,
			int sendBuffer) throws IOException {
		response.setStatus(HttpStatus.OK.value());
		response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
		response.setHeader("Cache-Control", "no-cache");
		AsyncContext async = request.startAsync(request, response);
		async.setTimeout(timeoutMillis);
		return open(async, response, sendBuffer);
	}

	/**
	 * Writes an SSE stream on a response whose request is asynchronous already; the
	 * connection completes the request when it closes.
	 * @param async the asynchronous request
	 * @param response its response, with the SSE headers set
	 * @param sendBuffer how many events may wait for a slow client before its connection
	 * is closed
	 * @return the connection
	 * @throws IOException when the client has gone
	 */
	static AsyncSseConnection open(AsyncContext async, HttpServletResponse response, int sendBuffer)
			throws IOException {
		AsyncSseConnection connection = new AsyncSseConnection(async, response.getOutputStream(), sendBuffer);
		async.addListener(connection);
		connection.out.setWriteListener(connection);
		return connection;
	}

	/**
	 * Sets what to do once the connection has closed, for whatever reason.
	 * @param onClose the callback (it may be called more than once)
	 */
	void onClose(Runnable onClose) {
		this.onClose = onClose;
	}

	@Override
	public boolean write(byte[] bytes) {
		return enqueue(bytes, true);
	}

	@Override
	public boolean replay(byte[] bytes) {
		return enqueue(bytes, false);
	}

	private boolean enqueue(byte[] bytes, boolean limited) {
		boolean written;
		this.lock.lock();
		try {
			if (this.closing) {
				return false;
			}
			if (!this.closed) {
				if (limited && this.queue.size() - this.replayQueued >= this.sendBuffer) {
					// the client has fallen behind: it resumes from the replay buffer
					this.closed = true;
				}
				else {
					this.queue.addLast(bytes);
					if (!limited) {
						this.replayQueued++;
					}
					drain();
				}
			}
			written = !this.closed;
		}
		finally {
			this.lock.unlock();
		}
		if (!written) {
			complete();
		}
		return written;
	}

	/**
	 * Ends the response once the client has taken what is queued, or after
	 * {@value #CLOSE_GRACE_SECONDS} seconds, dropping the rest (the client resumes with
	 * {@code Last-Event-ID}). Never waits.
	 */
	@Override
	public void close() {
		this.lock.lock();
		try {
			this.closing = true;
			drain();
		}
		finally {
			this.lock.unlock();
		}
		if (this.closed) {
			complete();
		}
		else {
			closer.schedule(this::abort, CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
		}
	}

	private void abort() {
		this.closed = true;
		complete();
	}

	@Override
	public void onWritePossible() {
		this.lock.lock();
		try {
			drain();
		}
		finally {
			this.lock.unlock();
		}
		if (this.closed) {
			complete();
		}
	}

	@Override
	public void onError(Throwable failure) {
		closedByContainer();
	}

	@Override
	public void onComplete(AsyncEvent event) {
		closedByContainer();
	}

	@Override
	public void onTimeout(AsyncEvent event) {
		closedByContainer();
	}

	@Override
	public void onError(AsyncEvent event) {
		closedByContainer();
	}

	@Override
	public void onStartAsync(AsyncEvent event) {
	}

	/**
	 * Writes queued bytes while the container takes them without blocking, then
	 * flushes; called with the lock held. When the client cannot take more, the
	 * container calls {@link #onWritePossible()} once it can. A failed write, or a
	 * closing connection with nothing left to write, is closed.
	 */
	private void drain() {
		try {
			while (!this.closed && this.out.isReady()) {
				byte[] next = this.queue.pollFirst();
				if (next != null) {
					// replayed bytes were queued first, so they leave first
					this.replayQueued = Math.max(0, this.replayQueued - 1);
					this.out.write(next);
					this.flushNeeded = true;
				}
				else if (this.flushNeeded) {
					this.flushNeeded = false;
					this.out.flush();
				}
				else {
					this.closed = this.closing;
					return;
				}
			}
		}
		catch (IOException | IllegalStateException ex) {
			this.closed = true;
		}
	}

	/**
	 * Ends the response once closed, without waiting for the client; called without the
	 * lock, so that the container's listeners never wait for it.
	 */
	private void complete() {
		if (this.completed.compareAndSet(false, true)) {
			this.lock.lock();
			try {
				this.queue.clear();
			}
			finally {
				this.lock.unlock();
			}
			try {
				this.async.complete();
			}
			catch (IllegalStateException ex) {
				// completed by the container already
			}
		}
	}

	private static ScheduledThreadPoolExecutor closer() {
		ScheduledThreadPoolExecutor closer = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("mcp-sse-close-"));
		closer.setKeepAliveTime(10, TimeUnit.SECONDS);
		closer.allowCoreThreadTimeOut(true);
		return closer;
	}

	/**
	 * The container ended the request (completed, timed out, failed): stop writing and
	 * tell the stream.
	 */
	private void closedByContainer() {
		this.closed = true;
		complete();
		this.onClose.run();
	}

}
