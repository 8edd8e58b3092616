package dev.mcpspring.sample;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Min;
import org.springframework.stereotype.Component;

import dev.mcpspring.ElicitResult;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpTool;
import dev.mcpspring.McpToolParam;

/**
 * The reporting domain as MCP tools.
 */
@Component
public class ReportTools {

	private final ReportRepository reports;

	public ReportTools(ReportRepository reports) {
		this.reports = reports;
	}

	@McpTool(name = "get_report", description = "Returns one sales report by id", readOnlyHint = true)
	public Report getReport(@McpToolParam(description = "The report id, such as r-1") String id) {
		return this.reports.find(id).orElseThrow(() -> new IllegalArgumentException("No report " + id));
	}

	@McpTool(name = "revenue_summary", description = "Sums revenue and orders over the reports of a region",
			readOnlyHint = true)
	public RevenueSummary revenueSummary(
			@McpToolParam(description = "The region; all regions when omitted") Optional<Region> region,
			@McpToolParam(description = "How many most recent months to include", required = false) @Min(1) Integer months) {
		List<Report> selected = this.reports.findAll(region.orElse(null));
		if (months != null) {
			List<java.time.LocalDate> recent = selected.stream().map(Report::month).distinct().sorted().toList();
			java.time.LocalDate from = recent.get(Math.max(0, recent.size() - months));
			selected = selected.stream().filter((report) -> !report.month().isBefore(from)).toList();
		}
		BigDecimal revenue = selected.stream().map(Report::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
		int orders = selected.stream().mapToInt(Report::orders).sum();
		return new RevenueSummary(region.map(Region::name).orElse("ALL"), selected.size(), revenue, orders);
	}

	@McpTool(name = "add_report", description = "Adds the report of a region and month, asking the user for its figures")
	public String addReport(@McpToolParam(description = "The region") Region region,
			@McpToolParam(description = "The month, such as 2026-07") String month, McpContext context) {
		YearMonth yearMonth = YearMonth.parse(month);
		ElicitResult answer = context.elicit("Revenue and orders of " + region + " in " + yearMonth + "?",
				Figures.class);
		Figures figures = answer.isAccepted() ? answer.content(Figures.class) : null;
		if (figures == null) {
			return "No report added: the user answered '" + answer.action() + "'";
		}
		Report report = this.reports.add(region, yearMonth.atDay(1), figures.revenue(), figures.orders());
		return "Added report " + report.id() + ": " + region + " " + yearMonth + ", revenue " + report.revenue()
				+ ", " + report.orders() + " orders";
	}

	@McpTool(name = "archive_reports",
			description = "Asks the user to confirm, then archives the reports of a region (a demo: nothing is removed)",
			task = McpTool.Task.REQUIRED)
	public String archiveReports(@McpToolParam(description = "The region") Region region, McpContext context) {
		int count = this.reports.findAll(region).size();
		ElicitResult answer = context.elicit("Archive the " + count + " reports of " + region + "?",
				Confirmation.class);
		Confirmation confirmation = answer.isAccepted() ? answer.content(Confirmation.class) : null;
		if (confirmation == null || !confirmation.confirm()) {
			return "Not archived: the user answered '" + answer.action() + "'"
					+ ((confirmation != null) ? " without confirming" : "");
		}
		return "Archived " + count + " reports of " + region + ": the user answered 'accept' and confirmed";
	}

	/**
	 * The figures of a report, as the user enters them.
	 *
	 * @param revenue the revenue
	 * @param orders the number of orders
	 */
	public record Figures(BigDecimal revenue, int orders) {
	}

	/**
	 * The user's answer to {@code archive_reports}.
	 *
	 * @param confirm whether to archive
	 */
	public record Confirmation(boolean confirm) {
	}

	/**
	 * Totals over a set of reports.
	 *
	 * @param region the region summed, or ALL
	 * @param reports the number of reports summed
	 * @param revenue the total revenue
	 * @param orders the total number of orders
	 */
	public record RevenueSummary(String region, int reports, BigDecimal revenue, int orders) {
	}

}
