package dev.mcpspring.webmvc;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The response to one POSTed request. It stays plain {@code application/json} unless
 * messages related to the request (progress, log messages, requests to the client) are
 * sent before the result: then it becomes a resumable SSE stream (a priming event
 * first) that ends with the result. Messages may be sent from any thread.
 */
final class PostResponseStream {

	private final ReentrantLock lock = new ReentrantLock();

	private final HttpServletResponse response;

	private final SessionEventStreams streams;

	private final String sessionId;

	private EventStream stream;

	private boolean done;

	PostResponseStream(HttpServletResponse response, SessionEventStreams streams, String sessionId) {
		this.response = response;
		this.streams = streams;
		this.sessionId = sessionId;
	}

	/**
	 * Sends a message before the result, switching to SSE on the first.
	 * @param message the message
	 * @return whether it was accepted; {@code false} after the result
	 */
	boolean send(Object message) {
		this.lock.lock();
		try {
			return !this.done && stream().send(message);
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
			if (!this.done) {
				stream().disconnect(this.streams.retryMillis());
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
	void complete(Object message) throws IOException {
		this.lock.lock();
		try {
			if (this.done) {
				return;
			}
			this.done = true;
			if (this.stream != null) {
				this.stream.complete(message);
			}
			else if (message != null) {
				McpHttpResponses.writeJson(this.response, HttpStatus.OK, message);
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
	 * Sends the final message because the store cannot be reached: as a JSON body with
	 * status 503, or as the last event of the stream.
	 * @param message the error response
	 * @throws IOException when the client has gone
	 */
	void unavailable(Object message) throws IOException {
		this.lock.lock();
		try {
			if (this.stream == null && !this.done) {
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

	private EventStream stream() {
		if (this.stream == null) {
			this.response.setStatus(HttpStatus.OK.value());
			this.response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
			this.response.setHeader("Cache-Control", "no-cache");
			this.stream = this.streams.newRequestStream(this.sessionId);
			this.stream.connect(new ServletSseConnection(this.response), -1);
		}
		return this.stream;
	}

}
