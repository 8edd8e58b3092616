package dev.mcpspring.internal.docket.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The condition of {@link RequiresRedis}: enabled when Redis answers {@code PING} on
 * {@code 127.0.0.1:6379}; otherwise disabled with a message saying how to run the tests,
 * or, when the environment variable {@code CI} is set, failed.
 */
public class RedisServerCondition implements ExecutionCondition {

	/** The host of the Redis server the tests use. */
	public static final String HOST = "127.0.0.1";

	/** The port of the Redis server the tests use (system property {@code mcp.test.redis.port}). */
	public static final int PORT = Integer.getInteger("mcp.test.redis.port", 6379);

	private static volatile Boolean available;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (isAvailable()) {
			return ConditionEvaluationResult.enabled("Redis answers on " + HOST + ":" + PORT);
		}
		String message = "Redis is not listening on " + HOST + ":" + PORT + ". Start one to run the Redis tests "
				+ "(redis-server --port 6379 --save '' --appendonly no --daemonize yes, or .ci/run redis)";
		if (System.getenv("CI") != null) {
			throw new IllegalStateException(message + "; CI is set, so the Redis tests fail instead of being skipped");
		}
		return ConditionEvaluationResult.disabled(message + "; skipped");
	}

	/**
	 * Returns whether Redis answers {@code PING}, checked once per JVM.
	 * @return whether Redis is available
	 */
	public static boolean isAvailable() {
		Boolean result = available;
		if (result == null) {
			result = ping(HOST, PORT);
			available = result;
		}
		return result;
	}

	/**
	 * Sends {@code PING} to a Redis server.
	 * @param host the host
	 * @param port the port
	 * @return whether it answered {@code PONG}
	 */
	public static boolean ping(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 1000);
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = new byte[7];
			int read = in.readNBytes(reply, 0, 7);
			return read >= 5 && new String(reply, 0, 5, StandardCharsets.US_ASCII).equals("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

}
