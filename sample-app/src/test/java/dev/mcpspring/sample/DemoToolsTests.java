package dev.mcpspring.sample;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.mcpspring.test.client.McpErrorException;
import dev.mcpspring.test.client.McpRevision;
import dev.mcpspring.test.client.McpTestClient;

import static dev.mcpspring.test.assertj.McpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The demo tools over both protocol revisions, through the injected test client.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DemoToolsTests {

	@Autowired
	private McpTestClient mcp;

	@ParameterizedTest
	@EnumSource(McpRevision.class)
	void echoAnswersWithTheText(McpRevision revision) {
		assertThat(this.mcp.withRevision(revision).callTool("echo", Map.of("text", "hello"))).isNotError()
			.hasText("hello");
	}

	@ParameterizedTest
	@EnumSource(McpRevision.class)
	void slowCountReportsProgressOnTheWay(McpRevision revision) {
		var result = this.mcp.withRevision(revision).callTool("slow_count", Map.of("count", 3, "delay_ms", 10));
		assertThat(result).isNotError().hasText("counted 3").hasProgressCount(3);
		assertThat(result.progress().get(2).message()).isEqualTo("3/3");
	}

	@ParameterizedTest
	@EnumSource(McpRevision.class)
	void longJobRunsAsATaskAndCompletes(McpRevision revision) {
		assertThat(this.mcp.withRevision(revision).callToolAsTask("long_job", Map.of("seconds", 0.2))).isCompleted()
			.result()
			.isNotError()
			.hasStructuredContent("/done", true);
	}

	@ParameterizedTest
	@EnumSource(McpRevision.class)
	void failJobEndsWithAToolError(McpRevision revision) {
		var outcome = this.mcp.withRevision(revision).callToolAsTask("fail_job", Map.of());
		// A 2025-11-25 task with an isError result fails; an extension task completes.
		assertThat(outcome).hasStatus((revision == McpRevision.V2025_11_25) ? "failed" : "completed")
			.result()
			.isError()
			.textContains("fail_job failed on purpose");
	}

	@ParameterizedTest
	@EnumSource(McpRevision.class)
	void cancelledTaskEndsCancelled(McpRevision revision) {
		McpTestClient client = this.mcp.withRevision(revision);
		String taskId = client.startTask("long_job", Map.of("seconds", 30));
		client.cancelTask(taskId);
		assertThat(client.awaitTask(taskId)).isCancelled();
	}

	@ParameterizedTest
	@EnumSource(McpRevision.class)
	void unknownToolIsInvalidParams(McpRevision revision) {
		assertThatExceptionOfType(McpErrorException.class)
			.isThrownBy(() -> this.mcp.withRevision(revision).callTool("no_such_tool", Map.of()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(-32602));
	}

	@ParameterizedTest
	@EnumSource(McpRevision.class)
	void toolsAreListed(McpRevision revision) {
		assertThat(this.mcp.withRevision(revision).listTools()).extracting((tool) -> tool.path("name").asString())
			.contains("echo", "slow_count", "long_job", "fail_job", "get_report", "archive_reports");
	}

}
