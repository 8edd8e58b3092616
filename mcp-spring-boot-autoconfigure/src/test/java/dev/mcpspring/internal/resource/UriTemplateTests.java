package dev.mcpspring.internal.resource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@link UriTemplate}: parsing of RFC 6570 level 1 templates, matching of URIs against
 * them, and matching in linear time whatever the URI.
 */
class UriTemplateTests {

	@Test
	void matchesEachVariableInOrder() {
		UriTemplate template = UriTemplate.parse("reports://{region}/{id}");
		assertThat(template.variableNames()).containsExactly("region", "id");
		assertThat(template.match("reports://eu/42")).containsExactly(Map.entry("region", "eu"), Map.entry("id", "42"));
	}

	@Test
	void templateWithoutVariablesMatchesOnlyItself() {
		UriTemplate template = UriTemplate.parse("config://app");
		assertThat(template.variableNames()).isEmpty();
		assertThat(template.match("config://app")).isEmpty();
		assertThat(template.match("config://app/")).isNull();
		assertThat(template.match("config://ap")).isNull();
	}

	@Test
	void variableMatchesNeitherAnEmptyValueNorSlashQueryOrFragment() {
		UriTemplate template = UriTemplate.parse("reports://{region}/{id}");
		assertThat(template.match("reports:///42")).isNull();
		assertThat(template.match("reports://eu/")).isNull();
		assertThat(template.match("reports://eu/42/extra")).isNull();
		assertThat(template.match("reports://eu/42?x=1")).isNull();
		assertThat(template.match("reports://eu/42#top")).isNull();
		assertThat(template.match("reports://eu/4 2")).containsEntry("id", "4 2");
	}

	@Test
	void literalTextMatchesExactlyAndCaseSensitively() {
		UriTemplate template = UriTemplate.parse("file:///logs/{name}.txt");
		assertThat(template.match("file:///logs/app.txt")).containsEntry("name", "app");
		assertThat(template.match("file:///logs/appXtxt")).isNull();
		assertThat(template.match("FILE:///logs/app.txt")).isNull();
		assertThat(template.match("file:///logs/app.txt.bak")).isNull();
	}

	@Test
	void regularExpressionCharactersInLiteralsAreLiteral() {
		UriTemplate template = UriTemplate.parse("x://a+b(c)[d]$^|*\\Q\\E/{v}");
		assertThat(template.match("x://a+b(c)[d]$^|*\\Q\\E/1")).containsEntry("v", "1");
		assertThat(template.match("x://aab(c)[d]$^|*\\Q\\E/1")).isNull();
	}

	@Test
	void earlierVariableTakesTheLongestValueThatStillMatches() {
		UriTemplate template = UriTemplate.parse("file:///{name}.{ext}");
		assertThat(template.match("file:///archive.tar.gz")).containsExactly(Map.entry("name", "archive.tar"),
				Map.entry("ext", "gz"));
		UriTemplate adjacent = UriTemplate.parse("x://{a}{b}");
		assertThat(adjacent.match("x://abc")).containsExactly(Map.entry("a", "ab"), Map.entry("b", "c"));
		assertThat(adjacent.match("x://a")).isNull();
	}

	@Test
	void queryInTheLiteralIsMatchedLiterally() {
		UriTemplate template = UriTemplate.parse("search://items?q={q}");
		assertThat(template.match("search://items?q=red")).containsEntry("q", "red");
		assertThat(template.match("search://items?q=red&page=2")).containsEntry("q", "red&page=2");
		assertThat(template.match("search://items?r=red")).isNull();
	}

	@Test
	void valuesArePercentDecodedAsUtf8AndPlusStaysPlus() {
		UriTemplate template = UriTemplate.parse("notes://{title}");
		assertThat(template.match("notes://caf%C3%A9")).containsEntry("title", "café");
		assertThat(template.match("notes://a%20b+c")).containsEntry("title", "a b+c");
		assertThat(template.match("notes://a+b")).containsEntry("title", "a+b");
		assertThat(template.match("notes://a%2Fb")).containsEntry("title", "a/b");
	}

	@Test
	void malformedPercentEncodingIsKeptAsIs() {
		UriTemplate template = UriTemplate.parse("notes://{title}");
		assertThat(template.match("notes://100%")).containsEntry("title", "100%");
		assertThat(template.match("notes://%zz")).containsEntry("title", "%zz");
	}

	@Test
	void percentEncodedBytesThatAreNotUtf8DecodeToTheReplacementCharacter() {
		assertThat(UriTemplate.parse("notes://{title}").match("notes://%C3")).containsEntry("title", "\uFFFD");
	}

	@Test
	void valueIsNotSplitInsideASurrogatePair() {
		UriTemplate template = UriTemplate.parse("x://{a}{b}");
		assertThat(template.match("x://\uD83D\uDE00")).isNull();
		assertThat(template.match("x://\uD83D\uDE00\uD83D\uDE01")).containsExactly(Map.entry("a", "\uD83D\uDE00"),
				Map.entry("b", "\uD83D\uDE01"));
	}

	@Test
	void variableNamesMayHoldDotsAndPercentEncodedCharacters() {
		UriTemplate template = UriTemplate.parse("x://{user.id}/{caf%C3%A9}/{_9}");
		assertThat(template.variableNames()).containsExactly("user.id", "caf%C3%A9", "_9");
	}

	@ParameterizedTest
	@ValueSource(strings = { "x://{+path}", "x://{#frag}", "x://{?q}", "x://{&q}", "x://{/seg}", "x://{;p}",
			"x://{.ext}", "x://{a,b}", "x://{list*}", "x://{var:3}", "x://{}", "x://{a..b}", "x://{a.}", "x://{a-b}",
			"x://{a b}", "x://{%zz}", "x://{a{b}" })
	void expressionsBeyondLevelOneAreRefused(String template) {
		assertThatIllegalArgumentException().isThrownBy(() -> UriTemplate.parse(template))
			.withMessageContaining(template);
	}

	@ParameterizedTest
	@ValueSource(strings = { "x://{a", "x://a}", "x://{a}}", "x://}{a}", "{" })
	void unbalancedBracesAreRefused(String template) {
		assertThatIllegalArgumentException().isThrownBy(() -> UriTemplate.parse(template))
			.withMessageContaining("Unbalanced braces");
	}

	@Test
	void variableAppearingTwiceIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> UriTemplate.parse("x://{id}/{id}"))
			.withMessageContaining("{id} appears twice");
	}

	@Test
	void literalLengthCountsTheTextOutsideVariables() {
		assertThat(UriTemplate.parse("reports://{region}/{id}").literalLength()).isEqualTo("reports:///".length());
		assertThat(UriTemplate.parse("{a}").literalLength()).isZero();
		assertThat(UriTemplate.parse("config://app").literalLength()).isEqualTo("config://app".length());
	}

	@Test
	void toStringIsTheTemplate() {
		assertThat(UriTemplate.parse("reports://{region}/{id}")).hasToString("reports://{region}/{id}");
	}

	@Test
	void isTemplateTellsTemplatesFromPlainUris() {
		assertThat(UriTemplate.isTemplate("reports://{id}")).isTrue();
		assertThat(UriTemplate.isTemplate("reports://42")).isFalse();
		assertThat(UriTemplate.isTemplate("")).isFalse();
	}

	@Test
	void manyVariablesAreMatched() {
		String template = IntStream.range(0, 200)
			.mapToObj((i) -> "{v" + i + "}")
			.collect(Collectors.joining("/", "x://", ""));
		String uri = IntStream.range(0, 200).mapToObj(Integer::toString).collect(Collectors.joining("/", "x://", ""));
		Map<String, String> expected = new LinkedHashMap<>();
		IntStream.range(0, 200).forEach((i) -> expected.put("v" + i, Integer.toString(i)));
		assertThat(UriTemplate.parse(template).match(uri)).containsExactlyEntriesOf(expected);
	}

	@Test
	void veryLongUriIsMatched() {
		String value = "a".repeat(1_000_000);
		Map<String, String> values = UriTemplate.parse("x://{v}").match("x://" + value);
		assertThat(values).isNotNull();
		assertThat(value.equals(values.get("v"))).as("the whole value").isTrue();
	}

	@Test
	void longUriThatDoesNotMatchIsRefusedInLinearTime() {
		String adjacent = "x://" + "a".repeat(20_000) + "/";
		String separated = "x://" + "a-".repeat(10_000) + "/";
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			assertThat(UriTemplate.parse("x://{a}{b}{c}{d}").match(adjacent)).isNull();
			assertThat(UriTemplate.parse("x://{a}-{b}-{c}-{d}").match(separated)).isNull();
		});
	}

	@Test
	void longUriWithManyCandidateSplitsIsMatchedInLinearTime() {
		String uri = "x://" + "a-".repeat(50_000) + "end";
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			Map<String, String> values = UriTemplate.parse("x://{a}-{b}-{c}-{d}").match(uri);
			assertThat(values).isNotNull();
			assertThat(values.get("a").equals("a-".repeat(49_997) + "a")).as("the longest value of a").isTrue();
			assertThat(values).containsEntry("b", "a").containsEntry("c", "a").containsEntry("d", "end");
		});
	}

}
