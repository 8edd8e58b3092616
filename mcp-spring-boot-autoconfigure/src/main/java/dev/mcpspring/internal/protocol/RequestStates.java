package dev.mcpspring.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import dev.mcpspring.McpException;
import dev.mcpspring.internal.wire.McpJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seals and opens the {@code requestState} of 2026-07-28 input-required rounds: AES-GCM
 * over the request it belongs to (method, tool or prompt name or resource URI, SHA-256 of
 * the canonical arguments, principal), an expiry and the answers given so far. Every
 * instance sharing the key opens what another sealed, so a retry may reach any of them.
 */
public final class RequestStates {

	/**
	 * The most characters of a {@code requestState} this server opens or seals.
	 */
	public static final int MAX_STATE_CHARS = 256 * 1024;

	private static final String PREFIX = "v1.";

	private static final int NONCE_BYTES = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	private final Duration ttl;

	private final Clock clock;

	/**
	 * Creates the codec.
	 * @param key the AES key, the same on every instance
	 * @param ttl how long a state stays valid
	 * @param clock the clock
	 */
	public RequestStates(SecretKey key, Duration ttl, Clock clock) {
		this.key = key;
		this.ttl = ttl;
		this.clock = clock;
	}

	/**
	 * Creates a codec with a random key of this process, for a single instance.
	 * @param ttl how long a state stays valid
	 * @return the codec
	 */
	public static RequestStates withRandomKey(Duration ttl) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new RequestStates(new SecretKeySpec(bytes, "AES"), ttl, Clock.systemUTC());
	}

	/**
	 * Seals the answers given so far to a request.
	 * @param request what the state is bound to
	 * @param answers the answers by key
	 * @return the state
	 * @throws McpException when the answers are too large to carry
	 */
	public String seal(Binding request, Map<String, JsonNode> answers) {
		ObjectNode payload = McpJson.mapper().createObjectNode();
		payload.put("b", request.digest());
		payload.put("e", this.clock.millis() + this.ttl.toMillis());
		ObjectNode sealedAnswers = payload.putObject("r");
		answers.forEach(sealedAnswers::set);
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, McpJson.mapper().writeValueAsBytes(payload));
		byte[] out = new byte[NONCE_BYTES + sealed.length];
		System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
		System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
		String state = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
		if (state.length() > MAX_STATE_CHARS) {
			throw McpException.invalidParams("The answers of this request exceed " + MAX_STATE_CHARS
					+ " characters of requestState");
		}
		return state;
	}

	/**
	 * Opens a state and returns the answers it carries.
	 * @param state the state the client sent back
	 * @param request the request it must belong to
	 * @return the answers by key
	 * @throws McpException {@code -32602} when the state was altered, sealed under another
	 * key, expired, or belongs to another request or caller
	 */
	public Map<String, JsonNode> open(String state, Binding request) {
		if (state.length() > MAX_STATE_CHARS || !state.startsWith(PREFIX)) {
			throw invalid("is not one this server issued");
		}
		JsonNode payload;
		try {
			byte[] in = Base64.getUrlDecoder().decode(state.substring(PREFIX.length()));
			if (in.length <= NONCE_BYTES) {
				throw invalid("is not one this server issued");
			}
			byte[] nonce = Arrays.copyOf(in, NONCE_BYTES);
			byte[] sealed = Arrays.copyOfRange(in, NONCE_BYTES, in.length);
			payload = McpJson.mapper().readTree(crypt(Cipher.DECRYPT_MODE, nonce, sealed));
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw invalid("was altered or not issued by this server");
		}
		if (!request.digest().equals(payload.path("b").asString(""))) {
			throw invalid("belongs to another request or caller");
		}
		if (payload.path("e").asLong(0) < this.clock.millis()) {
			throw invalid("has expired; call again without it");
		}
		Map<String, JsonNode> answers = new LinkedHashMap<>();
		payload.path("r").properties().forEach((entry) -> answers.put(entry.getKey(), entry.getValue()));
		return answers;
	}

	private byte[] crypt(int mode, byte[] nonce, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, this.key, new GCMParameterSpec(128, nonce));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The requestState cannot be opened", ex);
		}
	}

	private static McpException invalid(String reason) {
		return McpException.invalidParams("Invalid requestState: it " + reason);
	}

	/**
	 * What a {@code requestState} is bound to: the request and its caller.
	 *
	 * @param method the method
	 * @param target the tool or prompt name, or the resource URI
	 * @param arguments the arguments, or {@code null}
	 * @param principal the caller's principal name, or {@code null}
	 */
	public record Binding(String method, String target, @Nullable JsonNode arguments, @Nullable String principal) {

		/**
		 * Returns the SHA-256 of the binding, arguments in canonical form (object keys
		 * sorted), in base64.
		 * @return the digest
		 */
		String digest() {
			ArrayNode parts = McpJson.mapper().createArrayNode();
			parts.add(this.method).add(this.target).add(canonical(this.arguments)).add(this.principal);
			try {
				MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
				byte[] hash = sha256.digest(McpJson.mapper().writeValueAsBytes(parts));
				return Base64.getEncoder().encodeToString(hash);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("SHA-256 is not available", ex);
			}
		}

		private static @Nullable JsonNode canonical(@Nullable JsonNode node) {
			if (node == null || node.isNull()) {
				return null;
			}
			if (node.isObject()) {
				List<String> names = new ArrayList<>(node.propertyNames());
				Collections.sort(names);
				ObjectNode sorted = McpJson.mapper().createObjectNode();
				names.forEach((name) -> sorted.set(name, canonical(node.get(name))));
				return sorted;
			}
			if (node.isArray()) {
				ArrayNode array = McpJson.mapper().createArrayNode();
				node.forEach((item) -> array.add(Objects.requireNonNullElse(canonical(item),
						McpJson.mapper().nullNode())));
				return array;
			}
			return node;
		}

	}

}
