package dev.mcpspring.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.mcpspring.internal.wire.ErrorCodes;
import dev.mcpspring.internal.wire.JsonRpcError;
import dev.mcpspring.internal.wire.JsonRpcResponse;

/**
 * The response to one POSTed request. It stays plain {@code application/json} unless
 * messages related to the request (progress, log messages, requests to the client) are
 * sent before the result: then it becomes a resumable SSE stream (a priming event
 * first) that ends with the result. Messages may be sent from any thread. Once the
 * request is asynchronous, the SSE stream is written with non-blocking I/O (see
 * {@link AsyncSseConnection}), so that a client that stops reading never blocks the
 * thread that sends to it.
 */
final class PostResponseStream {

	private static final byte[] KEEP_ALIVE = ":\n\n".getBytes(StandardCharsets.US_ASCII);

	private final ReentrantLock lock = new ReentrantLock();

	private final HttpServletResponse response;

	private final SessionEventStreams streams;

	private final @Nullable String sessionId;

	private final int sendBuffer;

	private @Nullable AsyncContext async;

	private @Nullable EventStream stream;

	private @Nullable SseConnection connection;

	private boolean done;

	private boolean connectionLost;

	private boolean disconnected;

	/**
	 * Creates the response of a request.
	 * @param response the HTTP response
	 * @param streams the SSE streams of the sessions
	 * @param sessionId the session, or {@code null} for a stateless request, whose stream
	 * cannot be resumed
	 * @param sendBuffer how many events may wait for a slow client
	 */
	PostResponseStream(HttpServletResponse response, SessionEventStreams streams, @Nullable String sessionId,
			int sendBuffer) {
		this.response = response;
		this.streams = streams;
		this.sessionId = sessionId;
		this.sendBuffer = sendBuffer;
	}

	/**
	 * Tells the stream that its request is asynchronous now: an SSE stream is then written
	 * without blocking, and ends the request itself once drained.
	 * @param async the asynchronous request
	 */
	void async(AsyncContext async) {
		this.lock.lock();
		try {
			this.async = async;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Returns whether the response went on a non-blocking SSE connection, which completes
	 * the asynchronous request itself once the client has taken what was sent.
	 * @return whether the connection completes the request
	 */
	boolean completesRequest() {
		this.lock.lock();
		try {
			return this.connection instanceof AsyncSseConnection;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Sends a message before the result, switching to SSE on the first.
	 * @param message the message
	 * @return whether it was accepted; {@code false} after the result
	 */
	boolean send(Object message) {
		this.lock.lock();
		try {
			if (this.done || (this.connectionLost && this.stream == null)) {
				return false;
			}
			return stream().send(message);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Closes the connection while the request goes on (switching to SSE first); the
	 * client resumes the stream with a GET and {@code Last-Event-ID}.
	 */
	void disconnect() {
		this.lock.lock();
		try {
			if (!this.done && !this.connectionLost) {
				stream().disconnect(this.streams.retryMillis());
				this.disconnected = true;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Sends the final message: as the JSON body, or as the last event of the stream.
	 * @param message the response, or {@code null} to end without one (cancelled)
	 * @throws IOException when the client has gone
	 */
	void complete(@Nullable Object message) throws IOException {
		this.lock.lock();
		try {
			if (this.done) {
				return;
			}
			this.done = true;
			if (this.stream != null) {
				this.stream.complete(message);
			}
			else if (this.connectionLost) {
				return;
			}
			else if (message != null) {
				McpHttpResponses.writeJson(this.response, statusOf(message), message);
			}
			else {
				this.response.setStatus(HttpStatus.ACCEPTED.value());
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Returns the HTTP status of a final message sent as a JSON body: {@code 400} for a
	 * request the client's declared capabilities cannot serve (2026-07-28), else
	 * {@code 200}.
	 */
	private static HttpStatus statusOf(Object message) {
		JsonRpcError error = (message instanceof JsonRpcResponse response) ? response.error() : null;
		return (error != null && error.code() == ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY)
				? HttpStatus.BAD_REQUEST : HttpStatus.OK;
	}

	/**
	 * Sends the final message because the store cannot be reached: as a JSON body with
	 * status 503, or as the last event of the stream.
	 * @param message the error response
	 * @throws IOException when the client has gone
	 */
	void unavailable(Object message) throws IOException {
		this.lock.lock();
		try {
			if (this.stream == null && !this.done && !this.connectionLost) {
				this.done = true;
				this.response.setHeader("Retry-After", "2");
				McpHttpResponses.writeJson(this.response, HttpStatus.SERVICE_UNAVAILABLE, message);
				return;
			}
		}
		finally {
			this.lock.unlock();
		}
		complete(message);
	}

	/**
	 * Stops writing to the response, whose connection has closed or whose request has
	 * completed: what the stream sends from now on is kept for resumption only.
	 */
	void connectionLost() {
		this.lock.lock();
		try {
			this.connectionLost = true;
			if (this.stream != null) {
				this.stream.detach(this.connection);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Writes to the connection so that a client that has gone is noticed (an idle
	 * asynchronous request is not): switches to SSE, then writes SSE comments.
	 * @return {@code false} when the connection is known to be gone
	 */
	boolean keepAlive() {
		this.lock.lock();
		try {
			if (this.connectionLost && this.stream == null) {
				return false;
			}
			if (this.done || (this.disconnected && !this.connectionLost)) {
				return true;
			}
			EventStream stream = stream();
			synchronized (stream) {
				SseConnection attached = stream.connection();
				if (attached != this.connection || attached == null) {
					// resumed on another connection (true), or nobody is connected (false)
					return attached != null;
				}
				return attached.write(KEEP_ALIVE);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private EventStream stream() {
		if (this.stream == null) {
			this.response.setStatus(HttpStatus.OK.value());
			this.response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
			this.response.setHeader("Cache-Control", "no-cache");
			this.stream = (this.sessionId != null) ? this.streams.newRequestStream(this.sessionId)
					: this.streams.newStatelessStream();
			this.connection = connection();
			if (this.connection != null) {
				this.stream.connect(this.connection, -1);
			}
		}
		return this.stream;
	}

	private @Nullable SseConnection connection() {
		if (this.async == null) {
			return new ServletSseConnection(this.response);
		}
		try {
			return AsyncSseConnection.open(this.async, this.response, this.sendBuffer);
		}
		catch (IOException | IllegalStateException ex) {
			// the client has gone: the stream keeps what is sent for resumption
			this.connectionLost = true;
			return null;
		}
	}

}
