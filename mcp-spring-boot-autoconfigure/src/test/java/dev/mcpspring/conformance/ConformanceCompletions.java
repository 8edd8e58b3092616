package dev.mcpspring.conformance;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.mcpspring.McpComplete;

/**
 * The completion the conformance suite's {@code completion-complete} scenario asks for
 * ({@code src/scenarios/server/utils.ts}): the {@code arg1} argument of
 * {@code test_prompt_with_arguments}.
 */
@Component
public class ConformanceCompletions {

	private static final List<String> VALUES = List.of("paris", "park", "party", "test", "testing");

	@McpComplete(prompt = "test_prompt_with_arguments", argument = "arg1")
	public List<String> arg1(String arg1) {
		String prefix = arg1.toLowerCase(Locale.ROOT);
		return VALUES.stream().filter((value) -> value.startsWith(prefix)).toList();
	}

}
