package dev.mcpspring.internal.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The connection of a POSTed request whose response became an SSE stream, written
 * directly to the servlet response.
 */
final class ServletSseConnection implements SseConnection {

	private final HttpServletResponse response;

	ServletSseConnection(HttpServletResponse response) {
		this.response = response;
	}

	@Override
	public boolean write(byte[] bytes) {
		try {
			this.response.getOutputStream().write(bytes);
			this.response.flushBuffer();
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		try {
			this.response.getOutputStream().close();
		}
		catch (IOException | IllegalStateException ex) {
			// the client has gone already
		}
	}

}
