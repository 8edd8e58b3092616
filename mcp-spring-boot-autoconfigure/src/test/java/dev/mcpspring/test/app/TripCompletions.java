package dev.mcpspring.test.app;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import dev.mcpspring.Completion;
import dev.mcpspring.McpComplete;
import dev.mcpspring.McpCompletionRequest;

/**
 * Completion providers: for a prompt argument (using another argument from the context),
 * for a template variable, and one with more values than fit in a completion.
 */
@Component
public class TripCompletions {

	private static final Map<String, List<String>> CITIES = Map.of("France", List.of("Paris", "Lyon", "Lille"),
			"Italy", List.of("Rome", "Milan", "Turin"));

	@McpComplete(prompt = "trip", argument = "city")
	public List<String> city(String city, String country) {
		Stream<String> cities = (country != null) ? CITIES.getOrDefault(country, List.of()).stream()
				: CITIES.values().stream().flatMap(List::stream).sorted();
		return cities.filter((candidate) -> candidate.toLowerCase().startsWith(city.toLowerCase())).toList();
	}

	@McpComplete(prompt = "trip", argument = "days")
	public Stream<String> days(String days) {
		return IntStream.rangeClosed(1, 150).mapToObj(String::valueOf).filter((value) -> value.startsWith(days));
	}

	@McpComplete(prompt = "trip", argument = "country")
	public Completion country(McpCompletionRequest request) {
		return new Completion(List.of("France", "Italy"), 2, false);
	}

	@McpComplete(resource = "reports://{id}", argument = "id")
	public String[] reportIds(String id) {
		return Stream.of("1", "2", "3").filter((value) -> value.startsWith(id)).toArray(String[]::new);
	}

}
