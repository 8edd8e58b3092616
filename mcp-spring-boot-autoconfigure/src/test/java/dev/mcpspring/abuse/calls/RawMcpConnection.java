package dev.mcpspring.abuse.calls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One MCP request on its own TCP connection, written by hand, so that a test can abandon
 * it for real: closing the socket is what a client that gives up does.
 */
public final class RawMcpConnection implements AutoCloseable {

	private final Socket socket;

	private RawMcpConnection(Socket socket) {
		this.socket = socket;
	}

	/**
	 * Opens a connection and POSTs a JSON-RPC message on it.
	 * @param port the server port
	 * @param sessionId the MCP session id
	 * @param json the message
	 * @return the connection
	 * @throws IOException when the server cannot be reached
	 */
	public static RawMcpConnection post(int port, String sessionId, String json) throws IOException {
		return post(port, sessionId, json, "");
	}

	/**
	 * Opens a connection and POSTs a JSON-RPC message on it with extra headers.
	 * @param port the server port
	 * @param sessionId the MCP session id
	 * @param json the message
	 * @param headers extra header lines, each ending with CRLF
	 * @return the connection
	 * @throws IOException when the server cannot be reached
	 */
	public static RawMcpConnection post(int port, String sessionId, String json, String headers) throws IOException {
		Socket socket = new Socket("127.0.0.1", port);
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		String head = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
				+ "Accept: application/json, text/event-stream\r\nMcp-Session-Id: " + sessionId + "\r\n"
				+ "MCP-Protocol-Version: 2025-11-25\r\n" + headers + "Content-Length: " + body.length + "\r\n\r\n";
		OutputStream out = socket.getOutputStream();
		out.write(head.getBytes(StandardCharsets.US_ASCII));
		out.write(body);
		out.flush();
		return new RawMcpConnection(socket);
	}

	/**
	 * Reads what the server has answered so far, waiting at most a while for the first
	 * bytes.
	 * @param timeoutMillis how long to wait
	 * @return the bytes read, as text
	 * @throws IOException when reading fails
	 */
	public String read(int timeoutMillis) throws IOException {
		this.socket.setSoTimeout(timeoutMillis);
		InputStream in = this.socket.getInputStream();
		byte[] buffer = new byte[8192];
		try {
			int n = in.read(buffer);
			return (n > 0) ? new String(buffer, 0, n, StandardCharsets.UTF_8) : "";
		}
		catch (java.net.SocketTimeoutException ex) {
			return "";
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
