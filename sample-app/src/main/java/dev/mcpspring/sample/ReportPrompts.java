package dev.mcpspring.sample;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mcpspring.McpPrompt;
import dev.mcpspring.McpPromptArg;

/**
 * Prompts of the reporting domain. The region argument completes to the regions (it is
 * an enum).
 */
@Component
public class ReportPrompts {

	@McpPrompt(name = "summarize_region_revenue", title = "Summarize a region's revenue",
			description = "Asks for a short revenue summary of one sales region")
	public String summarizeRegionRevenue(@McpPromptArg(description = "The sales region") Region region,
			@McpPromptArg(description = "How many most recent months to cover; all when omitted",
					required = false) Optional<Integer> months) {
		String period = months.map((count) -> "the last " + count + " months").orElse("all months on record");
		return "Summarize the revenue of sales region " + region + " over " + period + ". Call the revenue_summary "
				+ "tool for the totals, read reports://{id} resources for single months, and point out the best "
				+ "and the worst month in two or three sentences.";
	}

}
