package dev.mcpspring.internal.wire;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Unguessable ids (session ids, task ids, ids of requests to the client): 128 bits from a
 * {@link SecureRandom}, in lower-case hex.
 */
public final class RandomIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private RandomIds() {
	}

	/**
	 * Returns a new id.
	 * @return 32 hex digits
	 */
	public static String next() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
