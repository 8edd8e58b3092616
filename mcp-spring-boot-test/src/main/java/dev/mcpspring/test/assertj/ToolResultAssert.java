package dev.mcpspring.test.assertj;

import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.mcpspring.test.client.ToolResult;

/**
 * Assertions on a {@link ToolResult}. Structured content is addressed with JSON Pointers
 * (RFC 6901), such as {@code /revenue} or {@code /items/0/name}, or with simple JSON
 * paths of names and indexes, such as {@code $.items[0].name}.
 */
public class ToolResultAssert extends AbstractAssert<ToolResultAssert, ToolResult> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	ToolResultAssert(ToolResult actual) {
		super(actual, ToolResultAssert.class);
	}

	/**
	 * Verifies that the tool did not report an error.
	 * @return this
	 */
	public ToolResultAssert isNotError() {
		isNotNull();
		if (this.actual.isError()) {
			failWithMessage("Expected a result without isError but got: %s", this.actual);
		}
		return this;
	}

	/**
	 * Verifies that the tool reported an error ({@code isError: true}).
	 * @return this
	 */
	public ToolResultAssert isError() {
		isNotNull();
		if (!this.actual.isError()) {
			failWithMessage("Expected a result with isError but got: %s", this.actual);
		}
		return this;
	}

	/**
	 * Verifies that the text content (text blocks joined by new lines) equals the given
	 * text.
	 * @param expected the text
	 * @return this
	 */
	public ToolResultAssert hasText(String expected) {
		isNotNull();
		Assertions.assertThat(this.actual.text()).as("text of %s", this.actual).isEqualTo(expected);
		return this;
	}

	/**
	 * Verifies that the text content contains the given text.
	 * @param expected the text
	 * @return this
	 */
	public ToolResultAssert textContains(String expected) {
		isNotNull();
		Assertions.assertThat(this.actual.text()).as("text of %s", this.actual).contains(expected);
		return this;
	}

	/**
	 * Verifies that the structured content has a value at a JSON Pointer or path.
	 * @param pointer the pointer or path, such as {@code /done} or {@code $.done}
	 * @return this
	 */
	public ToolResultAssert hasStructuredContentAt(String pointer) {
		at(pointer);
		return this;
	}

	/**
	 * Verifies that the structured content has the given value at a JSON Pointer or
	 * path.
	 * Numbers compare by value ({@code 2} equals {@code 2.0}); other values compare as
	 * JSON.
	 * @param pointer the pointer or path, such as {@code /done} or {@code $.done}
	 * @param expected the value: a string, number, boolean, map, list or
	 * {@link JsonNode}
	 * @return this
	 */
	public ToolResultAssert hasStructuredContent(String pointer, Object expected) {
		JsonNode value = at(pointer);
		JsonNode wanted = JSON.valueToTree(expected);
		boolean equal = (value.isNumber() && wanted.isNumber())
				? value.decimalValue().compareTo(wanted.decimalValue()) == 0 : value.equals(wanted);
		if (!equal) {
			failWithMessage("Expected structured content %s to be %s but was %s in %s", pointer, wanted, value,
					this.actual);
		}
		return this;
	}

	/**
	 * Verifies that the server sent progress notifications while answering the call.
	 * @param count how many
	 * @return this
	 */
	public ToolResultAssert hasProgressCount(int count) {
		isNotNull();
		Assertions.assertThat(this.actual.progress()).as("progress of %s", this.actual).hasSize(count);
		return this;
	}

	/**
	 * Verifies that the server sent a log message whose data contains the given text.
	 * @param text the text
	 * @return this
	 */
	public ToolResultAssert hasLogContaining(String text) {
		isNotNull();
		if (this.actual.logs().stream().noneMatch((log) -> log.path("data").toString().contains(text))) {
			failWithMessage("Expected a log message containing %s but got %s", text, this.actual.logs());
		}
		return this;
	}

	private JsonNode at(String pointer) {
		isNotNull();
		JsonNode value = this.actual.structuredContent().at(StructuredContentPath.toPointer(pointer));
		if (value.isMissingNode()) {
			failWithMessage("Expected structured content at %s but there is none in %s", pointer, this.actual);
		}
		return value;
	}

}
