package dev.mcpspring.internal.docket.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Starts redis-server processes of a test's own (on a free port), for tests that stop,
 * restart or cut off Redis: the shared server on 6379 is never touched.
 */
public final class PrivateRedisServer {

	private PrivateRedisServer() {
	}

	/**
	 * Returns the path of {@code redis-server}; without one, aborts the test, or fails it
	 * when the environment variable {@code CI} is set.
	 * @param purpose what the test needs its own server for, for the message
	 * @return the executable
	 */
	public static String executable(String purpose) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			Path candidate = Path.of(dir, "redis-server");
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		String message = "redis-server is not on the PATH; " + purpose + " starts one of its own";
		if (System.getenv("CI") != null) {
			throw new IllegalStateException(message);
		}
		Assumptions.abort(message);
		return null;
	}

	/**
	 * Starts a server and waits until it answers {@code PING}.
	 * @param command the command line (executable and options)
	 * @param port the port it listens on
	 * @return the process
	 * @throws Exception when it does not start within 10 seconds
	 */
	public static Process start(List<String> command, int port) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!RedisServerCondition.ping(RedisServerCondition.HOST, port)) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				process.destroyForcibly();
				throw new IllegalStateException("redis-server did not start on port " + port);
			}
			TimeUnit.MILLISECONDS.sleep(50);
		}
		return process;
	}

	/**
	 * Returns a port nothing listens on now.
	 * @return the port
	 * @throws IOException when no socket can be opened
	 */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
