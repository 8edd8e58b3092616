package dev.mcpspring.internal.docket.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;

/**
 * The docket's Lua script ({@code docket.lua}), run by its SHA ({@code EVALSHA}) and sent
 * whole only when Redis does not know it yet. Each call names an operation and the
 * docket's key prefix; the reply's bulk strings come back as strings.
 */
final class DocketScript {

	private static final byte[] SCRIPT = load();

	private static final byte[] SHA = sha1Hex(SCRIPT);

	private final RedisConnectionFactory connectionFactory;

	private final byte[] prefix;

	DocketScript(RedisConnectionFactory connectionFactory, String prefix) {
		this.connectionFactory = connectionFactory;
		this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Runs an operation of the script.
	 * @param op the operation
	 * @param args its arguments
	 * @return the reply: a list of strings, numbers and lists
	 */
	List<?> run(String op, List<String> args) {
		byte[][] argv = new byte[args.size() + 2][];
		argv[0] = op.getBytes(StandardCharsets.UTF_8);
		argv[1] = this.prefix;
		for (int i = 0; i < args.size(); i++) {
			argv[i + 2] = args.get(i).getBytes(StandardCharsets.UTF_8);
		}
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			Object reply;
			try {
				reply = connection.scriptingCommands().evalSha(SHA, ReturnType.MULTI, 0, argv);
			}
			catch (DataAccessException ex) {
				if (!String.valueOf(rootMessage(ex)).contains("NOSCRIPT")) {
					throw ex;
				}
				reply = connection.scriptingCommands().eval(SCRIPT, ReturnType.MULTI, 0, argv);
			}
			return (List<?>) strings(reply);
		}
	}

	/**
	 * Returns the message of the innermost cause that has one, where Redis's error text
	 * ({@code NOSCRIPT}, {@code NOGROUP}, ...) ends up.
	 * @param ex the exception
	 * @return the message, or {@code null}
	 */
	static @Nullable String rootMessage(Throwable ex) {
		String message = null;
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null) {
				message = cause.getMessage();
			}
		}
		return message;
	}

	private static Object strings(Object reply) {
		if (reply instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		if (reply instanceof List<?> list) {
			List<Object> converted = new ArrayList<>(list.size());
			for (Object item : list) {
				converted.add(strings(item));
			}
			return converted;
		}
		return reply;
	}

	private static byte[] load() {
		try (InputStream in = DocketScript.class.getResourceAsStream("docket.lua")) {
			if (in == null) {
				throw new IllegalStateException("docket.lua is missing from the class path");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] sha1Hex(byte[] script) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(script))
				.getBytes(StandardCharsets.US_ASCII);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
