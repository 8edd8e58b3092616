package dev.mcpspring.internal.protocol;

import java.util.Map;

import org.springframework.util.Assert;

/**
 * How long, and for whom, clients may cache the results of 2026-07-28 requests that
 * carry caching hints ({@code ttlMs} and {@code cacheScope}): {@code server/discover},
 * the lists and {@code resources/read}. Every page of a list carries the same hints.
 */
public final class CachePolicy {

	private static final Hint UNCACHED = new Hint(0, false);

	private final Map<String, Hint> hints;

	/**
	 * Creates a policy.
	 * @param hints the hints by method; a cacheable method not listed is not cached
	 * ({@code ttlMs} 0, scope private)
	 */
	public CachePolicy(Map<String, Hint> hints) {
		hints.keySet()
			.forEach((method) -> Assert.isTrue(Mcp2026Revision.CACHEABLE.contains(method),
					() -> "Results of " + method + " carry no caching hints"));
		this.hints = Map.copyOf(hints);
	}

	/**
	 * Returns the policy that lets clients cache nothing.
	 * @return the policy
	 */
	public static CachePolicy none() {
		return new CachePolicy(Map.of());
	}

	/**
	 * Returns the hints of a method's results.
	 * @param method the method
	 * @return the hints
	 */
	public Hint hint(String method) {
		return this.hints.getOrDefault(method, UNCACHED);
	}

	/**
	 * The caching hints of a result.
	 *
	 * @param ttlMs how many milliseconds a client may reuse the result
	 * @param shared whether any client may reuse it ({@code cacheScope} public) or only
	 * the one that asked (private)
	 */
	public record Hint(long ttlMs, boolean shared) {

		/**
		 * Checks the hint.
		 * @param ttlMs how many milliseconds a client may reuse the result
		 * @param shared whether the result is the same for every client
		 */
		public Hint {
			Assert.isTrue(ttlMs >= 0, "ttlMs must not be negative");
		}

		/**
		 * Returns the {@code cacheScope} value.
		 * @return {@code public} or {@code private}
		 */
		public String scope() {
			return this.shared ? "public" : "private";
		}

	}

}
