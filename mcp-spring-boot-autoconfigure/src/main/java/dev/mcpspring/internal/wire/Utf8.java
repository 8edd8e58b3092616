package dev.mcpspring.internal.wire;

import org.jspecify.annotations.Nullable;

/**
 * Checks that bytes are well-formed UTF-8 as the Unicode standard defines it (table
 * 3-7: no overlong forms, no encoded surrogates, nothing above U+10FFFF), carry no NUL
 * byte (which JSON never needs and which would let a parser take the bytes for UTF-16 or
 * UTF-32), and that every <code>&#92;u</code> escape of a surrogate is half of a pair, so that the
 * decoded text is valid Unicode too.
 */
final class Utf8 {

	private Utf8() {
	}

	/**
	 * Checks bytes.
	 * @param bytes the bytes
	 * @return {@code null} when they are fine, else what is wrong, such as "is not valid
	 * UTF-8 (at byte 12)"
	 */
	static @Nullable String check(byte[] bytes) {
		int length = bytes.length;
		int i = 0;
		while (i < length) {
			int b = bytes[i];
			if (b > 0 && b != '\\') {
				i++;
			}
			else if (b == '\\') {
				int escape = escapeLength(bytes, i);
				if (escape < 0) {
					return "holds a lone surrogate escape (at byte " + i + ")";
				}
				i += escape;
			}
			else if (b == 0) {
				return "is not UTF-8 JSON: it holds a NUL byte (at byte " + i + ")";
			}
			else {
				int sequence = sequenceLength(bytes, i);
				if (sequence < 0) {
					return "is not valid UTF-8 (at byte " + i + ")";
				}
				i += sequence;
			}
		}
		return null;
	}

	/**
	 * Returns the length of the UTF-8 sequence starting at a non-ASCII byte, or -1 when
	 * it is ill-formed.
	 */
	private static int sequenceLength(byte[] bytes, int start) {
		int lead = bytes[start] & 0xFF;
		int length;
		int secondMin = 0x80;
		int secondMax = 0xBF;
		if (lead >= 0xC2 && lead <= 0xDF) {
			length = 2;
		}
		else if (lead >= 0xE0 && lead <= 0xEF) {
			length = 3;
			if (lead == 0xE0) {
				secondMin = 0xA0;
			}
			else if (lead == 0xED) {
				secondMax = 0x9F;
			}
		}
		else if (lead >= 0xF0 && lead <= 0xF4) {
			length = 4;
			if (lead == 0xF0) {
				secondMin = 0x90;
			}
			else if (lead == 0xF4) {
				secondMax = 0x8F;
			}
		}
		else {
			return -1;
		}
		if (start + length > bytes.length) {
			return -1;
		}
		int second = bytes[start + 1] & 0xFF;
		if (second < secondMin || second > secondMax) {
			return -1;
		}
		for (int i = start + 2; i < start + length; i++) {
			if ((bytes[i] & 0xC0) != 0x80) {
				return -1;
			}
		}
		return length;
	}

	/**
	 * Returns the length of the escape sequence starting at a backslash, or -1 when it
	 * escapes a surrogate that is not half of a pair. Anything else that is not a valid
	 * escape is left to the JSON parser.
	 */
	private static int escapeLength(byte[] bytes, int start) {
		int unit = unicodeEscape(bytes, start);
		if (unit < 0) {
			return 2;
		}
		if (Character.isHighSurrogate((char) unit)) {
			int low = unicodeEscape(bytes, start + 6);
			return (low >= 0 && Character.isLowSurrogate((char) low)) ? 12 : -1;
		}
		return Character.isLowSurrogate((char) unit) ? -1 : 6;
	}

	/**
	 * Returns the code unit of a <code>&#92;uXXXX</code> escape at a position, or -1 when there is
	 * none.
	 */
	private static int unicodeEscape(byte[] bytes, int start) {
		if (start + 6 > bytes.length || bytes[start] != '\\' || bytes[start + 1] != 'u') {
			return -1;
		}
		int unit = 0;
		for (int i = start + 2; i < start + 6; i++) {
			int digit = Character.digit(bytes[i], 16);
			if (digit < 0) {
				return -1;
			}
			unit = (unit << 4) | digit;
		}
		return unit;
	}

}
