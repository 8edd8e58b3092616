package dev.mcpspring;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Suggested values for an argument being completed ({@code completion/complete}).
 *
 * @param values the suggestions, most relevant first, at most {@value #MAX_VALUES}
 * @param total how many suggestions there are in all, or {@code null} when unknown
 * @param hasMore whether there are suggestions beyond {@code values}, or {@code null}
 * when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Completion(List<String> values, @Nullable Integer total, @Nullable Boolean hasMore) {

	/** The largest number of values in one completion. */
	public static final int MAX_VALUES = 100;

	/** A completion without suggestions. */
	public static final Completion EMPTY = new Completion(List.of(), 0, false);

	public Completion {
		if (values.size() > MAX_VALUES) {
			throw new IllegalArgumentException(
					"A completion holds at most " + MAX_VALUES + " values, not " + values.size());
		}
		values = List.copyOf(values);
	}

	/**
	 * Returns a completion of all the given values: the first {@value #MAX_VALUES} of
	 * them, with the total count and whether some were left out.
	 * @param values the suggestions, most relevant first
	 * @return the completion
	 */
	public static Completion of(Collection<String> values) {
		List<String> all = List.copyOf(values);
		boolean hasMore = all.size() > MAX_VALUES;
		return new Completion(hasMore ? all.subList(0, MAX_VALUES) : all, all.size(), hasMore);
	}

}
