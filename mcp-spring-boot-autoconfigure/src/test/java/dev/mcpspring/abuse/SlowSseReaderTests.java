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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mcpspring.internal.protocol.McpServer;
import dev.mcpspring.test.McpEventStream;
import dev.mcpspring.test.McpTestClient;
import dev.mcpspring.test.SseEvent;
import dev.mcpspring.test.app.McpTestApplication;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that opens a GET stream and stops reading cannot stall anybody else: while
 * the server broadcasts to every session, each broadcast returns at once, a reading
 * client receives every notification, the laggard's connection is closed once more than
 * {@code mcp.server.sse.send-buffer} events wait for it, and the laggard then resumes
 * with {@code Last-Event-ID} and receives exactly what it missed.
 */
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mcp.server.sse.send-buffer=16", "mcp.server.sse.replay-buffer=2000" })
class SlowSseReaderTests {

	private static final int NOTIFICATIONS = 1000;

	/** Events large enough to fill the laggard's socket buffers after a few hundred. */
	private static final String PADDING = "x".repeat(4096);

	private static final Pattern EVENT = Pattern.compile("id: (\\S+)-(\\d+)\ndata: ([^\n]*)\n\n");

	private static final Pattern NUMBER = Pattern.compile("\"n\":(\\d+)");

	@LocalServerPort
	private int port;

	@Autowired
	private McpServer server;

	@Test
	void laggardIsClosedWhileBroadcastsReturnAtOnceAndOthersReceiveEverything() throws Exception {
		McpTestClient laggard = McpTestClient.forLocalServer(this.port);
		laggard.connect();
		McpTestClient reader = McpTestClient.forLocalServer(this.port);
		reader.connect();
		try (Socket socket = openStreamWithoutReading(laggard); McpEventStream stream = reader.openStream()) {
			assertThat(stream.next(Duration.ofSeconds(10)).isPriming()).isTrue();
			long slowest = 0;
			long start = System.nanoTime();
			for (int i = 0; i < NOTIFICATIONS; i++) {
				long before = System.nanoTime();
				this.server.notifyAllSessions("notifications/tools/list_changed",
						Map.of("_meta", Map.of("n", i, "padding", PADDING)));
				slowest = Math.max(slowest, System.nanoTime() - before);
				// the reading client gets each notification at once
				int expected = i;
				JsonNode message = stream.nextMessage((candidate) -> true, Duration.ofSeconds(10));
				assertThat(message.at("/params/_meta/n").asInt()).isEqualTo(expected);
			}
			Duration all = Duration.ofNanos(System.nanoTime() - start);
			// blocking on the laggard would take the server's write timeout (tens of seconds)
			assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofSeconds(2));
			assertThat(all).isLessThan(Duration.ofSeconds(30));

			List<Received> received = readUntilTheServerEndsTheResponse(socket);
			assertThat(received).as("the laggard received notifications before it fell behind").isNotEmpty();
			Received last = received.get(received.size() - 1);
			assertThat(last.n()).as("the laggard was closed before the end").isLessThan(NOTIFICATIONS - 1);

			McpTestClient resumed = McpTestClient.forLocalServer(this.port).sessionId(laggard.sessionId());
			resumed.protocolVersion(laggard.protocolVersion());
			try (McpEventStream rest = resumed.raw()
				.method("GET")
				.withoutHeader("Content-Type")
				.header("Accept", "text/event-stream")
				.header("Last-Event-ID", last.eventId())
				.stream()) {
				List<Integer> missed = new ArrayList<>();
				int firstMissed = last.n() + 1;
				while (missed.size() < NOTIFICATIONS - firstMissed) {
					SseEvent event = rest.next(Duration.ofSeconds(10));
					if (event.hasMessage()) {
						missed.add(event.json().at("/params/_meta/n").asInt());
					}
				}
				assertThat(missed).first().isEqualTo(firstMissed);
				assertThat(missed).last().isEqualTo(NOTIFICATIONS - 1);
				assertThat(missed).isSorted().doesNotHaveDuplicates();
			}
		}
		assertThat(reader.request("ping", null).result().isEmpty()).isTrue();
	}

	/**
	 * Opens a GET stream on a socket with a tiny receive buffer, reads the response
	 * headers and the priming event, then nothing more.
	 */
	private Socket openStreamWithoutReading(McpTestClient client) throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(4096);
		socket.connect(new InetSocketAddress("localhost", this.port), 5000);
		socket.setSoTimeout(20_000);
		OutputStream out = socket.getOutputStream();
		out.write(("GET /mcp HTTP/1.1\r\nHost: localhost:" + this.port + "\r\nAccept: text/event-stream\r\n"
				+ "Mcp-Session-Id: " + client.sessionId() + "\r\nMCP-Protocol-Version: " + client.protocolVersion()
				+ "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		InputStream in = socket.getInputStream();
		while (!head.toString(StandardCharsets.US_ASCII).contains("data: \n\n")) {
			int next = in.read();
			assertThat(next).as("the server answered the laggard's GET").isNotNegative();
			head.write(next);
		}
		assertThat(head.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
		return socket;
	}

	/**
	 * Reads the rest of the response (chunked) until the server ends it or closes the
	 * connection, and returns the complete events received.
	 */
	private List<Received> readUntilTheServerEndsTheResponse(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		byte[] buffer = new byte[65536];
		try {
			int read;
			while ((read = in.read(buffer)) != -1) {
				raw.write(buffer, 0, read);
				if (endsWith(raw, "\r\n0\r\n\r\n")) {
					break;
				}
			}
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError("The server did not close the laggard's connection; read " + raw.size()
					+ " bytes");
		}
		List<Received> received = new ArrayList<>();
		Matcher matcher = EVENT.matcher(dechunk(raw.toString(StandardCharsets.UTF_8)));
		while (matcher.find()) {
			Matcher number = NUMBER.matcher(matcher.group(3));
			assertThat(number.find()).isTrue();
			received.add(new Received(matcher.group(1) + "-" + matcher.group(2), Integer.parseInt(number.group(1))));
		}
		return received;
	}

	private static boolean endsWith(ByteArrayOutputStream raw, String suffix) {
		if (raw.size() < suffix.length()) {
			return false;
		}
		String tail = new String(raw.toByteArray(), raw.size() - suffix.length(), suffix.length(),
				StandardCharsets.US_ASCII);
		return tail.equals(suffix);
	}

	/**
	 * Decodes the rest of a chunked body (after the end of the chunk that carried the
	 * priming event).
	 */
	private static String dechunk(String chunked) {
		StringBuilder body = new StringBuilder();
		int position = chunked.startsWith("\r\n") ? 2 : 0;
		while (position < chunked.length()) {
			int lineEnd = chunked.indexOf("\r\n", position);
			if (lineEnd < 0) {
				break;
			}
			int size = Integer.parseInt(chunked.substring(position, lineEnd).trim(), 16);
			if (size == 0) {
				break;
			}
			int end = Math.min(lineEnd + 2 + size, chunked.length());
			body.append(chunked, lineEnd + 2, end);
			position = end + 2;
		}
		return body.toString();
	}

	/**
	 * An event the laggard received.
	 *
	 * @param eventId its id
	 * @param n the number of the notification it carries
	 */
	private record Received(String eventId, int n) {
	}

}
