package dev.mcpspring.tasks;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How often a failed task is tried, and how long to wait between tries.
 *
 * @param maxAttempts the number of tries in all (1: no retry)
 * @param delay the wait before the second try
 * @param multiplier the factor applied to the wait for each further try (1: fixed)
 * @param maxDelay the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration delay, double multiplier, Duration maxDelay) {

	/** One try, no retry. */
	public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO);

	public RetryPolicy {
		Assert.isTrue(maxAttempts >= 1, "maxAttempts must be at least 1");
		Assert.isTrue(multiplier >= 1, "multiplier must be at least 1");
		Assert.isTrue(!delay.isNegative() && !maxDelay.isNegative(), "delays must not be negative");
	}

	/**
	 * Retries after the same wait each time.
	 * @param maxAttempts the number of tries in all
	 * @param delay the wait between tries
	 * @return the policy
	 */
	public static RetryPolicy fixed(int maxAttempts, Duration delay) {
		return new RetryPolicy(maxAttempts, delay, 1, delay);
	}

	/**
	 * Retries after waits that double each time, up to a maximum.
	 * @param maxAttempts the number of tries in all
	 * @param initialDelay the wait before the second try
	 * @param maxDelay the longest wait
	 * @return the policy
	 */
	public static RetryPolicy exponential(int maxAttempts, Duration initialDelay, Duration maxDelay) {
		return new RetryPolicy(maxAttempts, initialDelay, 2, maxDelay);
	}

	/**
	 * Returns the wait before a try.
	 * @param attempt the number of the coming try (2 for the first retry)
	 * @return the wait
	 */
	public Duration delayBefore(int attempt) {
		double millis = this.delay.toMillis() * Math.pow(this.multiplier, Math.max(0, attempt - 2));
		return Duration.ofMillis((long) Math.min(millis, this.maxDelay.toMillis()));
	}

}
