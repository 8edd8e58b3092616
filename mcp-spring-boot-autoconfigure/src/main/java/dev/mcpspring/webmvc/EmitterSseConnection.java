package dev.mcpspring.webmvc;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * The connection of a GET request, held open asynchronously with a
 * {@link ResponseBodyEmitter}; events are written from any thread.
 */
final class EmitterSseConnection implements SseConnection {

	private final Emitter emitter;

	EmitterSseConnection(long timeoutMillis) {
		this.emitter = new Emitter(timeoutMillis);
	}

	ResponseBodyEmitter emitter() {
		return this.emitter;
	}

	@Override
	public boolean write(byte[] bytes) {
		try {
			this.emitter.send(bytes, MediaType.TEXT_EVENT_STREAM);
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		this.emitter.complete();
	}

	/**
	 * An emitter whose response is {@code text/event-stream}.
	 */
	private static final class Emitter extends ResponseBodyEmitter {

		Emitter(long timeoutMillis) {
			super(timeoutMillis);
		}

		@Override
		protected void extendResponse(ServerHttpResponse outputMessage) {
			outputMessage.getHeaders().setContentType(MediaType.TEXT_EVENT_STREAM);
			outputMessage.getHeaders().setCacheControl("no-cache");
		}

	}

}
