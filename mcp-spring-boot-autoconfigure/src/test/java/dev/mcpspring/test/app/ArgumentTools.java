package dev.mcpspring.test.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.mcpspring.McpTool;
import dev.mcpspring.McpToolParam;

/**
 * Tools whose arguments cover the types a schema is generated for and bound from:
 * primitives, strings, enums, records, POJOs, lists, maps, {@code Optional}, and
 * Jakarta Validation constraints on parameters and on record fields. Each echoes what
 * it received, so tests can see the binding.
 */
@Component
public class ArgumentTools {

	@McpTool(name = "echo", title = "Echo", description = "Echoes the text back", readOnlyHint = true,
			idempotentHint = true, openWorldHint = false)
	public String echo(@McpToolParam(description = "The text to echo") String text) {
		return text;
	}

	@McpTool(name = "primitives", description = "Echoes primitive arguments")
	public String primitives(@McpToolParam(description = "A whole number") int count, long big, double ratio,
			boolean flag) {
		return "count=" + count + " big=" + big + " ratio=" + ratio + " flag=" + flag;
	}

	@McpTool(name = "headed", description = "Takes arguments a 2026-07-28 client mirrors into Mcp-Param headers")
	public String headed(@McpToolParam(header = "Region", description = "Where") String region,
			@McpToolParam(header = "Priority", required = false) @Nullable Integer priority,
			@McpToolParam(header = "Verbose", required = false) @Nullable Boolean verbose,
			@McpToolParam(required = false) @Nullable String note) {
		return "region=" + region + " priority=" + priority + " verbose=" + verbose + " note=" + note;
	}

	@McpTool(name = "enum_arg", description = "Takes an enum")
	public String enumArg(@McpToolParam(description = "How urgent it is") Priority priority) {
		return "priority=" + priority.name();
	}

	@McpTool(name = "record_arg", description = "Takes a record holding a record")
	public String recordArg(@Valid Customer customer) {
		return customer.name() + " (" + customer.priority() + ") lives in " + customer.address().city();
	}

	@McpTool(name = "pojo_arg", description = "Takes a JavaBean")
	public String pojoArg(Order order) {
		return order.getQuantity() + " x " + order.getItem();
	}

	@McpTool(name = "route", description = "Takes the same record type twice")
	public String route(Address from, Address to) {
		return from.city() + " -> " + to.city();
	}

	@McpTool(name = "list_arg", description = "Takes lists")
	public String listArg(List<String> tags, List<Address> stops) {
		return String.join(",", tags) + " / "
				+ stops.stream().map(Address::city).collect(Collectors.joining(","));
	}

	@McpTool(name = "map_arg", description = "Takes a map")
	public String mapArg(@McpToolParam(description = "Counts by name") Map<String, Integer> counts) {
		return "total=" + counts.values().stream().mapToInt(Integer::intValue).sum();
	}

	@McpTool(name = "optional_arg", description = "Takes optional arguments")
	public String optionalArg(Optional<String> nickname,
			@McpToolParam(required = false, description = "At most this many") Integer limit) {
		return "nickname=" + nickname.orElse("<none>") + " limit=" + limit;
	}

	@McpTool(name = "constrained_params", description = "Takes constrained parameters")
	public String constrainedParams(@Min(1) @Max(5) int rating, @NotBlank @Size(max = 20) String title,
			@Pattern(regexp = "[A-Z]{3}") String code, @Email String email) {
		return rating + " " + title + " " + code + " " + email;
	}

	@McpTool(name = "constrained_record", description = "Takes a record with constrained fields")
	public String constrainedRecord(@Valid Booking booking) {
		return booking.guest() + " stays " + booking.nights() + " nights";
	}

}
