package dev.mcpspring.internal.docket;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The application's secret key ({@code mcp.tasks.encryption-key}) for what leaves the
 * process through a shared store: secret task metadata is encrypted with AES-GCM, and
 * pub/sub messages are authenticated with HMAC-SHA256, each under a key of its own
 * derived from this one. A sealed value is {@code v1.<base64>} of a version byte, a key
 * id (4 bytes, so that a value sealed under another key is told apart from a tampered
 * one), a random 96-bit nonce and the ciphertext with its 128-bit tag.
 */
public final class DocketKey {

	private static final byte VERSION = 1;

	private static final String PREFIX = "v1.";

	private static final int NONCE_BYTES = 12;

	private static final int KEY_ID_BYTES = 4;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec encryptionKey;

	private final SecretKeySpec macKey;

	private final byte[] keyId;

	private final SecretKeySpec requestStateKey;

	private DocketKey(byte[] master) {
		this.encryptionKey = new SecretKeySpec(Arrays.copyOf(derive(master, "mcp encryption"), master.length), "AES");
		this.macKey = new SecretKeySpec(derive(master, "mcp pub/sub hmac"), "HmacSHA256");
		this.keyId = Arrays.copyOf(derive(master, "mcp key id"), KEY_ID_BYTES);
		this.requestStateKey = new SecretKeySpec(derive(master, "mcp request state"), "AES");
	}

	/**
	 * Reads a key written in base64 (as {@code openssl rand -base64 32} prints one).
	 * @param base64 the key: 16, 24 or 32 bytes in base64
	 * @return the key
	 * @throws IllegalArgumentException when it is not the base64 of 16, 24 or 32 bytes
	 */
	public static DocketKey fromBase64(String base64) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			bytes = new byte[0];
		}
		if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
			throw new IllegalArgumentException("mcp.tasks.encryption-key must be the base64 of 16, 24 or 32 random "
					+ "bytes; generate one with: openssl rand -base64 32");
		}
		return new DocketKey(bytes);
	}

	/**
	 * Returns the AES-256 key, derived from this one, that seals the {@code requestState}
	 * of 2026-07-28 input-required rounds.
	 * @return the key
	 */
	public SecretKeySpec requestStateKey() {
		return this.requestStateKey;
	}

	/**
	 * Returns the id of this key, for messages that must not show the key.
	 * @return 8 hex digits
	 */
	public String id() {
		return HexFormat.of().formatHex(this.keyId);
	}

	/**
	 * Encrypts a value.
	 * @param plaintext the value
	 * @param context what the value belongs to; {@link #open} needs the same
	 * @return the sealed value
	 */
	public String seal(String plaintext, String context) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.encryptionKey, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			ByteBuffer sealed = ByteBuffer.allocate(1 + KEY_ID_BYTES + NONCE_BYTES + ciphertext.length);
			sealed.put(VERSION).put(this.keyId).put(nonce).put(ciphertext);
			return PREFIX + Base64.getEncoder().encodeToString(sealed.array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * Decrypts a value sealed by {@link #seal}.
	 * @param sealed the sealed value
	 * @param context what the value belongs to, as given to {@link #seal}
	 * @return the value
	 * @throws IllegalStateException when the value was sealed under another key, or
	 * changed since
	 */
	public String open(String sealed, String context) {
		byte[] bytes;
		try {
			bytes = sealed.startsWith(PREFIX) ? Base64.getDecoder().decode(sealed.substring(PREFIX.length())) : null;
		}
		catch (IllegalArgumentException ex) {
			bytes = null;
		}
		if (bytes == null || bytes.length < 1 + KEY_ID_BYTES + NONCE_BYTES + 16 || bytes[0] != VERSION) {
			throw new IllegalStateException("The encrypted task data is malformed");
		}
		byte[] id = Arrays.copyOfRange(bytes, 1, 1 + KEY_ID_BYTES);
		if (!MessageDigest.isEqual(id, this.keyId)) {
			throw new IllegalStateException("The task data was encrypted under another mcp.tasks.encryption-key (key id "
					+ HexFormat.of().formatHex(id) + "; this process has " + id() + ")");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.encryptionKey,
					new GCMParameterSpec(128, bytes, 1 + KEY_ID_BYTES, NONCE_BYTES));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			int offset = 1 + KEY_ID_BYTES + NONCE_BYTES;
			return new String(cipher.doFinal(bytes, offset, bytes.length - offset), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The encrypted task data failed authentication: it was changed, or "
					+ "belongs to another task", ex);
		}
	}

	/**
	 * Returns the HMAC-SHA256 of a message, in base64 without padding.
	 * @param message the message
	 * @return the authentication code
	 */
	public String sign(String message) {
		return Base64.getEncoder().withoutPadding().encodeToString(mac(message));
	}

	/**
	 * Returns whether an authentication code is the one {@link #sign} gives a message,
	 * compared in constant time.
	 * @param message the message
	 * @param code the authentication code
	 * @return whether it matches
	 */
	public boolean verify(String message, String code) {
		return MessageDigest.isEqual(sign(message).getBytes(StandardCharsets.US_ASCII),
				code.getBytes(StandardCharsets.US_ASCII));
	}

	private byte[] mac(String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.macKey);
			return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private static byte[] derive(byte[] master, String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(master, "HmacSHA256"));
			return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "DocketKey[id=" + id() + "]";
	}

}
