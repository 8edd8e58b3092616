package dev.mcpspring.benchmarks;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds, recorded from many threads, summarized as percentiles.
 */
final class Histogram {

	private final long[] samples;

	private int size;

	Histogram(int capacity) {
		this.samples = new long[capacity];
	}

	synchronized void record(long nanos) {
		if (this.size < this.samples.length) {
			this.samples[this.size++] = nanos;
		}
	}

	synchronized long[] sorted() {
		long[] sorted = Arrays.copyOf(this.samples, this.size);
		Arrays.sort(sorted);
		return sorted;
	}

	String summary() {
		long[] sorted = sorted();
		return String.format("p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d samples)", millis(sorted, 0.50),
				millis(sorted, 0.99), millis(sorted, 1.0), sorted.length);
	}

	static double millis(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1_000_000.0;
	}

}
