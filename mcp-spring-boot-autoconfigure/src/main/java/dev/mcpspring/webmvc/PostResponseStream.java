package dev.mcpspring.webmvc;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.mcpspring.protocol.McpJson;

/**
 * The response to one POSTed request. It stays plain {@code application/json} unless
 * messages related to the request (progress, log messages) are sent before the result:
 * then it turns into an SSE stream (a priming event first) that ends with the result.
 * Messages may be sent from any thread.
 */
final class PostResponseStream {

	private enum State {

		PENDING, STREAMING, DONE

	}

	private final ReentrantLock lock = new ReentrantLock();

	private final HttpServletResponse response;

	private final String streamId = Long.toHexString(ThreadLocalRandom.current().nextLong());

	private State state = State.PENDING;

	private long sequence;

	PostResponseStream(HttpServletResponse response) {
		this.response = response;
	}

	/**
	 * Sends a message before the result, switching to SSE on the first.
	 * @param message the message
	 * @return whether it was written; {@code false} after the result or a disconnect
	 */
	boolean send(Object message) {
		this.lock.lock();
		try {
			if (this.state == State.DONE) {
				return false;
			}
			OutputStream out = this.response.getOutputStream();
			if (this.state == State.PENDING) {
				this.response.setStatus(HttpStatus.OK.value());
				this.response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
				this.response.setHeader("Cache-Control", "no-cache");
				out.write(SseEvents.priming(nextEventId(), null));
				this.state = State.STREAMING;
			}
			out.write(SseEvents.event(nextEventId(), McpJson.mapper().writeValueAsString(message)));
			this.response.flushBuffer();
			return true;
		}
		catch (IOException ex) {
			this.state = State.DONE;
			return false;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Sends the final message: as the JSON body, or as the last event of the stream.
	 * @param message the response
	 * @throws IOException when the client has gone
	 */
	void complete(Object message) throws IOException {
		this.lock.lock();
		try {
			if (this.state == State.PENDING) {
				McpHttpResponses.writeJson(this.response, HttpStatus.OK, message);
			}
			else if (this.state == State.STREAMING) {
				this.response.getOutputStream()
					.write(SseEvents.event(nextEventId(), McpJson.mapper().writeValueAsString(message)));
				this.response.flushBuffer();
			}
			this.state = State.DONE;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Ends the response without a result, for a cancelled request.
	 */
	void abandon() {
		this.lock.lock();
		try {
			if (this.state == State.PENDING) {
				this.response.setStatus(HttpStatus.ACCEPTED.value());
			}
			this.state = State.DONE;
		}
		finally {
			this.lock.unlock();
		}
	}

	private String nextEventId() {
		return this.streamId + '-' + (++this.sequence);
	}

}
