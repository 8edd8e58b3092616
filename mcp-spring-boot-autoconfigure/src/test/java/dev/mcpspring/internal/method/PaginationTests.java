package dev.mcpspring.internal.method;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.mcpspring.McpException;
import dev.mcpspring.internal.wire.PaginatedResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link Pagination}: pages in key order, cursors that follow on, and cursors that are
 * malformed, forged or past the end.
 */
class PaginationTests {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private final NavigableMap<String, Integer> items = new TreeMap<>(Map.of("a", 1, "b", 2, "c", 3, "d", 4, "e", 5));

	@Test
	void firstPageHoldsPageSizeItemsAndTheCursorOfTheNext() {
		Map<String, Object> page = page(null, 2);
		assertThat(page.get("items")).isEqualTo(List.of("1", "2"));
		assertThat(page.get("nextCursor")).isEqualTo(Pagination.encode("b"));
	}

	@Test
	void followingCursorsListsEveryItemOnceInKeyOrder() {
		List<Object> listed = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			Map<String, Object> page = page(cursor, 2);
			listed.addAll((List<?>) page.get("items"));
			cursor = (String) page.get("nextCursor");
			pages++;
		}
		while (cursor != null);
		assertThat(listed).containsExactly("1", "2", "3", "4", "5");
		assertThat(pages).isEqualTo(3);
	}

	@Test
	void lastFullPageHasNoNextCursor() {
		this.items.remove("e");
		Map<String, Object> page = page(Pagination.encode("b"), 2);
		assertThat(page.get("items")).isEqualTo(List.of("3", "4"));
		assertThat(page).doesNotContainKey("nextCursor");
	}

	@Test
	void everythingFitsInOnePageWithoutCursor() {
		Map<String, Object> page = page(null, 100);
		assertThat(page.get("items")).isEqualTo(List.of("1", "2", "3", "4", "5"));
		assertThat(page).doesNotContainKey("nextCursor");
	}

	@Test
	void emptyListIsOnePageWithoutCursor() {
		this.items.clear();
		Map<String, Object> page = page(null, 2);
		assertThat(page.get("items")).isEqualTo(List.of());
		assertThat(page).doesNotContainKey("nextCursor");
	}

	@Test
	void pageFollowsOnAfterTheCursorKeyEvenWhenThatItemIsGone() {
		String cursor = (String) page(null, 2).get("nextCursor");
		this.items.remove("b");
		this.items.put("bb", 22);
		assertThat(page(cursor, 2).get("items")).isEqualTo(List.of("22", "3"));
	}

	@Test
	void cursorPastTheLastKeyGivesAnEmptyLastPage() {
		Map<String, Object> page = page(Pagination.encode("zzz"), 2);
		assertThat(page.get("items")).isEqualTo(List.of());
		assertThat(page).doesNotContainKey("nextCursor");
	}

	@Test
	void cursorBeforeTheFirstKeyGivesTheFirstPage() {
		assertThat(page(Pagination.encode(""), 2).get("items")).isEqualTo(List.of("1", "2"));
		assertThat(page(Pagination.encode("0"), 2).get("items")).isEqualTo(List.of("1", "2"));
	}

	@Test
	void forgedCursorIsAPositionInKeyOrderAndShowsNothingElse() {
		String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("c".getBytes(StandardCharsets.UTF_8));
		assertThat(page(forged, 10).get("items")).isEqualTo(List.of("4", "5"));
	}

	@Test
	void cursorOfBytesThatAreNotUtf8IsStillAPosition() {
		String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] { (byte) 0xC3, (byte) 0xFF });
		assertThat(Pagination.decode(JSON.stringNode(cursor))).isEqualTo("\uFFFD\uFFFD");
		assertThat(page(cursor, 10).get("items")).isEqualTo(List.of());
	}

	@Test
	void jsonNullCursorIsNoCursor() {
		ObjectNode params = JSON.objectNode();
		params.putNull("cursor");
		assertThat(Pagination.decode(params.get("cursor"))).isNull();
		assertThat(Pagination.decode(null)).isNull();
	}

	@Test
	void cursorThatIsNotAStringIsInvalidParams() {
		assertInvalid(JSON.numberNode(42));
		assertInvalid(JSON.booleanNode(true));
		assertInvalid(JSON.objectNode());
		assertInvalid(JSON.arrayNode().add("YQ"));
	}

	@Test
	void cursorThatIsNotUrlSafeBase64IsInvalidParams() {
		assertInvalid(JSON.stringNode("not base64!"));
		assertInvalid(JSON.stringNode("a+b/"));
		assertInvalid(JSON.stringNode("Y"));
		assertInvalid(JSON.stringNode("YQ=a"));
	}

	@Test
	void malformedCursorInAPageRequestIsInvalidParams() {
		ObjectNode params = JSON.objectNode();
		params.put("cursor", "%%%");
		assertThatExceptionOfType(McpException.class)
			.isThrownBy(() -> Pagination.page(params, this.items, 2, "items", String::valueOf))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(-32602))
			.withMessage("Invalid cursor");
	}

	@Test
	void longUnicodeKeysRoundTrip() {
		String key = "caf\u00e9/\u00fc/\uD83D\uDE00".repeat(1000);
		String cursor = Pagination.encode(key);
		assertThat(cursor).matches("[A-Za-z0-9_-]+");
		assertThat(Pagination.decode(JSON.stringNode(cursor))).isEqualTo(key);
	}

	private static void assertInvalid(JsonNode cursor) {
		assertThatExceptionOfType(McpException.class).isThrownBy(() -> Pagination.decode(cursor))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(-32602))
			.withMessage("Invalid cursor");
	}

	private Map<String, Object> page(String cursor, int pageSize) {
		ObjectNode params = JSON.objectNode();
		if (cursor != null) {
			params.put("cursor", cursor);
		}
		PaginatedResult result = Pagination.page(params, this.items, pageSize, "items", String::valueOf);
		return result.members();
	}

}
