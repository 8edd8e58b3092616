package dev.mcpspring.internal.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Utf8} accepts exactly what the JDK's strict UTF-8 decoder accepts (no NUL, no
 * backslash: those have rules of their own), over every sequence of up to three bytes
 * that can be valid so far and a large seeded sample of longer ones; and it checks
 * surrogate escapes.
 */
class Utf8Tests {

	@Test
	void agreesWithTheJdkDecoderOnSequencesOfUpToThreeBytes() {
		for (int first = 1; first < 256; first++) {
			assertAgrees(new byte[] { (byte) first });
			for (int second = 1; second < 256; second++) {
				assertAgrees(new byte[] { (byte) first, (byte) second });
				// a third byte matters after a lead of a longer sequence and a continuation
				if (first >= 0xE0 && second >= 0x80 && second <= 0xBF) {
					for (int third = 1; third < 256; third++) {
						assertAgrees(new byte[] { (byte) first, (byte) second, (byte) third });
					}
				}
			}
		}
	}

	@Test
	void agreesWithTheJdkDecoderOnRandomSequences() {
		Random random = new Random(42);
		for (int i = 0; i < 200_000; i++) {
			byte[] bytes = new byte[1 + random.nextInt(12)];
			for (int j = 0; j < bytes.length; j++) {
				// mostly lead and continuation bytes, some ASCII
				bytes[j] = (byte) (random.nextInt(4) == 0 ? 'a' : 0x80 + random.nextInt(128));
			}
			assertAgrees(bytes);
		}
	}

	@Test
	void rejectsNulBytes() {
		assertThat(Utf8.check(new byte[] { '{', 0, '}' })).contains("NUL");
	}

	@Test
	void acceptsEscapedPairsAndRejectsLoneSurrogateEscapes() {
		assertThat(Utf8.check(ascii("\"\\ud83d\\ude00\""))).isNull();
		assertThat(Utf8.check(ascii("\"\\\\ud800\""))).isNull();
		assertThat(Utf8.check(ascii("\"\\u00e9\\n\\\"\""))).isNull();
		assertThat(Utf8.check(ascii("\"\\ud800\""))).contains("surrogate");
		assertThat(Utf8.check(ascii("\"\\ud800\\n\""))).contains("surrogate");
		assertThat(Utf8.check(ascii("\"\\ude00\\ud83d\""))).contains("surrogate");
		assertThat(Utf8.check(ascii("\"\\\\\\ud800\""))).contains("surrogate");
	}

	private static final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private static void assertAgrees(byte[] bytes) {
		for (byte b : bytes) {
			if (b == '\\') {
				return;
			}
		}
		boolean jdk;
		try {
			decoder.reset().decode(ByteBuffer.wrap(bytes));
			jdk = true;
		}
		catch (CharacterCodingException ex) {
			jdk = false;
		}
		if ((Utf8.check(bytes) == null) != jdk) {
			throw new AssertionError("Utf8 and the JDK disagree on " + HexFormat.ofDelimiter(" ").formatHex(bytes)
					+ ": the JDK " + (jdk ? "accepts" : "rejects") + " it");
		}
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
