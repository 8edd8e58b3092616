package dev.mcpspring.sample;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mcpspring.McpComplete;
import dev.mcpspring.McpResource;

/**
 * The reports as MCP resources: {@code reports://r-1}, {@code reports://r-2}, ... with
 * report ids completed as the user types.
 */
@Component
public class ReportResources {

	private final ReportRepository reports;

	public ReportResources(ReportRepository reports) {
		this.reports = reports;
	}

	@McpResource(uri = "reports://{id}", name = "report", title = "Sales report",
			description = "One monthly sales report of a region, as JSON")
	public Optional<Report> report(String id) {
		return this.reports.find(id);
	}

	@McpComplete(resource = "reports://{id}", argument = "id")
	public List<String> reportIds(String id) {
		return this.reports.findAll(null)
			.stream()
			.map(Report::id)
			.filter((candidate) -> candidate.startsWith(id))
			.toList();
	}

}
