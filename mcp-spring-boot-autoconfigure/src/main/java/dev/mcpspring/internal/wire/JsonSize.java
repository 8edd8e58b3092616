package dev.mcpspring.internal.wire;

import java.io.OutputStream;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.ObjectMapper;

/**
 * Measures a value written as JSON, without keeping the bytes, and stops early once it
 * is larger than a limit.
 */
public final class JsonSize {

	private JsonSize() {
	}

	/**
	 * Returns whether a value written as JSON is larger than a limit.
	 * @param mapper writes the value
	 * @param value the value
	 * @param limit the limit in bytes
	 * @return whether it is larger
	 */
	public static boolean exceeds(ObjectMapper mapper, @Nullable Object value, long limit) {
		if (value == null) {
			return false;
		}
		Counter counter = new Counter(limit);
		try {
			mapper.writeValue(counter, value);
		}
		catch (RuntimeException ex) {
			if (!counter.exceeded) {
				throw ex;
			}
		}
		return counter.exceeded;
	}

	private static final class Counter extends OutputStream {

		private final long limit;

		private long count;

		private boolean exceeded;

		Counter(long limit) {
			this.limit = limit;
		}

		@Override
		public void write(int b) {
			add(1);
		}

		@Override
		public void write(byte[] b, int off, int len) {
			add(len);
		}

		private void add(long bytes) {
			this.count += bytes;
			if (this.count > this.limit) {
				this.exceeded = true;
				throw new IllegalStateException("larger than " + this.limit + " bytes");
			}
		}

	}

}
