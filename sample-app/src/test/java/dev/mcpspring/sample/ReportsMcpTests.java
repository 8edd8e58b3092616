package dev.mcpspring.sample;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import tools.jackson.databind.JsonNode;

import dev.mcpspring.test.client.McpRevision;
import dev.mcpspring.test.client.McpTestClient;

import static dev.mcpspring.test.assertj.McpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reporting tools, resources, prompts and completions over both protocol revisions:
 * elicitation answered by the test client, in a plain call and in a task.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReportsMcpTests {

	@Autowired
	private McpTestClient mcp;

	@ParameterizedTest
	@EnumSource(McpRevision.class)
	void getReportReturnsStructuredContent(McpRevision revision) {
		assertThat(this.mcp.withRevision(revision).callTool("get_report", Map.of("id", "r-1"))).isNotError()
			.hasStructuredContent("/id", "r-1")
			.hasStructuredContent("$.region", "NORTH")
			.hasStructuredContentAt("/revenue");
	}

	@ParameterizedTest
	@EnumSource(McpRevision.class)
	void archiveReportsTaskAsksForConfirmationAndArchivesWhenConfirmed(McpRevision revision) {
		McpTestClient client = this.mcp.mutate().revision(revision).acceptElicitation(Map.of("confirm", true)).build();
		assertThat(client.callToolAsTask("archive_reports", Map.of("region", "WEST"))).isCompleted()
			.result()
			.isNotError()
			.textContains("Archived")
			.textContains("confirmed");
	}

	@ParameterizedTest
	@EnumSource(McpRevision.class)
	void archiveReportsTaskArchivesNothingWhenTheUserDeclines(McpRevision revision) {
		McpTestClient client = this.mcp.mutate().revision(revision).declineElicitation().build();
		assertThat(client.callToolAsTask("archive_reports", Map.of("region", "EAST"))).isCompleted()
			.result()
			.hasText("Not archived: the user answered 'decline'");
	}

	@ParameterizedTest
	@EnumSource(McpRevision.class)
	void addReportAsksForTheFigures(McpRevision revision) {
		McpTestClient client = this.mcp.mutate()
			.revision(revision)
			.acceptElicitation(Map.of("revenue", 1234, "orders", 7))
			.build();
		assertThat(client.callTool("add_report", Map.of("region", "SOUTH", "month", "2031-01"))).isNotError()
			.textContains("SOUTH 2031-01, revenue 1234, 7 orders");
	}

	@ParameterizedTest
	@EnumSource(McpRevision.class)
	void reportsAreResources(McpRevision revision) {
		JsonNode contents = this.mcp.withRevision(revision).readResource("reports://r-1").path("contents").path(0);
		assertThat(contents.path("uri").asString()).isEqualTo("reports://r-1");
		assertThat(contents.path("text").asString()).contains("\"id\":\"r-1\"");
	}

	@ParameterizedTest
	@EnumSource(McpRevision.class)
	void promptNamesTheRegionAndPeriod(McpRevision revision) {
		JsonNode prompt = this.mcp.withRevision(revision)
			.getPrompt("summarize_region_revenue", Map.of("region", "NORTH", "months", "3"));
		assertThat(prompt.path("messages").path(0).path("content").path("text").asString())
			.startsWith("Summarize the revenue of sales region NORTH over the last 3 months.");
	}

	@ParameterizedTest
	@EnumSource(McpRevision.class)
	void reportIdsAndRegionsComplete(McpRevision revision) {
		McpTestClient client = this.mcp.withRevision(revision);
		assertThat(client.completeResourceArgument("reports://{id}", "id", "r-1")).contains("r-1", "r-10");
		assertThat(client.completePromptArgument("summarize_region_revenue", "region", "N")).containsExactly("NORTH");
	}

}
