package dev.mcpspring.abuse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.test.McpResponse;
import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that calls {@code tasks/result} and never reads the response stalls nobody:
 * its answer (a large result, or a large request of the task to the client) is written
 * without blocking the threads that serve every client (the docket's events, the task's
 * own thread, the one keep-alive thread of all waits), so another client's
 * {@code tasks/result} is answered promptly and other waits keep receiving keep-alives.
 */
@SpringBootTest(classes = AbuseApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=abuse", "mcp.tasks.max-result-size=16MB",
				"mcp.server.client-request-timeout=40s" })
class ClientNotReadingItsPostResponseStallsNobodyTests {

	/** Larger than what the socket buffers of both ends take. */
	private static final int LARGE = 6 * 1024 * 1024;

	@LocalServerPort
	private int port;

	@Autowired
	private AbuseApplication.AbuseTools tools;

	private final List<String> gates = new ArrayList<>();

	private final List<Socket> sockets = new ArrayList<>();

	@AfterEach
	void release() throws IOException {
		this.gates.forEach(this.tools::open);
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

	@Test
	void laggardsLargeResultDoesNotDelayAnotherClientsResult() throws Exception {
		McpTestClient laggard = client();
		String laggardGate = gate();
		String large = Tasks.create(laggard, "big_result_at", Map.of("gate", laggardGate, "length", LARGE));
		postWithoutReading(laggard, "tasks/result", Map.of("taskId", large));

		McpTestClient other = client();
		String otherGate = gate();
		String small = Tasks.create(other, "wait_at", Map.of("gate", otherGate));
		CompletableFuture<McpResponse> otherResult = other.raw()
			.json(McpTestClient.request(other.nextId(), "tasks/result", Map.of("taskId", small)))
			.sendAsync();
		Thread.sleep(500);

		// the laggard's result is ready first, and written to a client that does not read
		this.tools.open(laggardGate);
		Thread.sleep(1000);
		long opened = System.nanoTime();
		this.tools.open(otherGate);
		McpResponse response = otherResult.get(McpTestClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(Duration.ofNanos(System.nanoTime() - opened)).as("the other client's wait for its result")
			.isLessThan(Duration.ofSeconds(3));
		assertThat(response.text()).isEqualTo("passed " + otherGate);
		assertThat(other.call("ping", Map.of()).isObject()).isTrue();
	}

	@Test
	void laggardsLargeTaskRequestDoesNotDelayTheKeepAliveOfOtherWaits() throws Exception {
		McpTestClient laggard = client();
		String asking = Tasks.create(laggard, "ask", Map.of("times", 1, "length", LARGE));
		postWithoutReading(laggard, "tasks/result", Map.of("taskId", asking));

		McpTestClient other = client();
		String waiting = Tasks.create(other, "wait_at", Map.of("gate", gate()));
		Socket otherWait = post(other, "tasks/result", Map.of("taskId", waiting));
		// keep-alives go every 5 s to waits older than 5 s: two arrive within about 15 s
		int keepAlives = readKeepAlives(otherWait, 2, Duration.ofSeconds(25));
		assertThat(keepAlives).as("keep-alive comments received by the other wait").isEqualTo(2);
		laggard.call("tasks/cancel", Map.of("taskId", asking));
	}

	private McpTestClient client() {
		McpTestClient client = McpTestClient.forLocalServer(this.port);
		client.connect();
		return client;
	}

	private String gate() {
		String gate = UUID.randomUUID().toString();
		this.gates.add(gate);
		return gate;
	}

	/**
	 * POSTs a request on a socket with a tiny receive buffer, and never reads.
	 */
	private void postWithoutReading(McpTestClient client, String method, Object params) throws IOException {
		post(client, method, params);
	}

	private Socket post(McpTestClient client, String method, Object params) throws IOException {
		Socket socket = new Socket();
		this.sockets.add(socket);
		socket.setReceiveBufferSize(1024);
		socket.connect(new InetSocketAddress("localhost", this.port), 5000);
		byte[] body = McpTestClient.JSON.writeValueAsBytes(McpTestClient.request(client.nextId(), method, params));
		OutputStream out = socket.getOutputStream();
		out.write(("POST /mcp HTTP/1.1\r\nHost: localhost:" + this.port
				+ "\r\nAccept: application/json, text/event-stream\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + body.length + "\r\nMcp-Session-Id: " + client.sessionId()
				+ "\r\nMCP-Protocol-Version: " + client.protocolVersion() + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.write(body);
		out.flush();
		return socket;
	}

	/**
	 * Reads a response until it has carried the given number of SSE comments, or the time
	 * is up.
	 */
	private static int readKeepAlives(Socket socket, int wanted, Duration within) throws IOException {
		socket.setSoTimeout(500);
		InputStream in = socket.getInputStream();
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		long deadline = System.nanoTime() + within.toNanos();
		int comments = 0;
		while (comments < wanted && System.nanoTime() < deadline) {
			try {
				int read = in.read(buffer);
				if (read < 0) {
					break;
				}
				raw.write(buffer, 0, read);
				comments = count(raw.toString(StandardCharsets.US_ASCII), ":\n\n");
			}
			catch (SocketTimeoutException ex) {
				// read again until the deadline
			}
		}
		return comments;
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

}
