package dev.mcpspring.internal.actuate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import dev.mcpspring.Prompt;
import dev.mcpspring.Resource;
import dev.mcpspring.ResourceTemplate;
import dev.mcpspring.TaskSupport;
import dev.mcpspring.Tool;
import dev.mcpspring.internal.prompt.DefaultMcpPromptRegistry;
import dev.mcpspring.internal.resource.DefaultMcpResourceRegistry;
import dev.mcpspring.internal.session.McpSessionStore;
import dev.mcpspring.internal.tool.DefaultMcpToolRegistry;
import dev.mcpspring.tasks.DocketAdmin;
import dev.mcpspring.tasks.DocketStats;
import dev.mcpspring.tasks.TaskState;
import dev.mcpspring.tasks.WorkerInfo;

/**
 * The Actuator endpoint {@code mcp} ({@code /actuator/mcp}): the tools (with their task
 * support), resources, resource templates and prompts the server offers, its active
 * sessions, and, with a docket that has an operator's side ({@link DocketAdmin}), its
 * tasks by state and its workers.
 */
@Endpoint(id = "mcp")
public class McpEndpoint {

	private final DefaultMcpToolRegistry tools;

	private final DefaultMcpResourceRegistry resources;

	private final DefaultMcpPromptRegistry prompts;

	private final McpSessionStore sessions;

	private final @Nullable DocketAdmin docket;

	/**
	 * Creates the endpoint.
	 * @param tools the tools
	 * @param resources the resources and resource templates
	 * @param prompts the prompts
	 * @param sessions the sessions
	 * @param docket the docket's operator side, or {@code null} when there is none
	 */
	public McpEndpoint(DefaultMcpToolRegistry tools, DefaultMcpResourceRegistry resources,
			DefaultMcpPromptRegistry prompts, McpSessionStore sessions, @Nullable DocketAdmin docket) {
		this.tools = tools;
		this.resources = resources;
		this.prompts = prompts;
		this.sessions = sessions;
		this.docket = docket;
	}

	/**
	 * Describes the server.
	 * @return the description
	 */
	@ReadOperation
	public McpDescriptor mcp() {
		List<ToolDescriptor> tools = new ArrayList<>();
		this.tools.all().values().forEach((tool) -> tools.add(ToolDescriptor.of(tool.listed(), tool.taskSupport())));
		List<ResourceDescriptor> resources = new ArrayList<>();
		this.resources.resources().values().forEach((handler) -> resources.add(ResourceDescriptor.of(handler.resource())));
		List<ResourceTemplateDescriptor> templates = new ArrayList<>();
		this.resources.templates()
			.values()
			.forEach((template) -> templates.add(ResourceTemplateDescriptor.of(template.handler().template())));
		List<PromptDescriptor> prompts = new ArrayList<>();
		this.prompts.all().values().forEach((handler) -> prompts.add(PromptDescriptor.of(handler.prompt())));
		DocketAdmin docket = this.docket;
		return new McpDescriptor(tools, resources, templates, prompts, new SessionsDescriptor(this.sessions.count()),
				(docket != null) ? TasksDescriptor.of(docket.stats()) : null,
				(docket != null) ? docket.workers().stream().map(WorkerDescriptor::of).toList() : null);
	}

	/**
	 * What the endpoint answers.
	 *
	 * @param tools the tools, by name
	 * @param resources the resources, by URI
	 * @param resourceTemplates the resource templates, by URI template
	 * @param prompts the prompts, by name
	 * @param sessions the sessions
	 * @param tasks the docket's tasks, or {@code null} when its docket cannot tell
	 * @param workers the docket's workers, or {@code null} when its docket cannot tell
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record McpDescriptor(List<ToolDescriptor> tools, List<ResourceDescriptor> resources,
			List<ResourceTemplateDescriptor> resourceTemplates, List<PromptDescriptor> prompts,
			SessionsDescriptor sessions, @Nullable TasksDescriptor tasks, @Nullable List<WorkerDescriptor> workers) {
	}

	/**
	 * A tool.
	 *
	 * @param name its name
	 * @param title its title, or {@code null}
	 * @param description its description, or {@code null}
	 * @param taskSupport whether it runs as a task: {@code forbidden}, {@code optional} or
	 * {@code required}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ToolDescriptor(String name, @Nullable String title, @Nullable String description,
			TaskSupport taskSupport) {

		static ToolDescriptor of(Tool tool, TaskSupport taskSupport) {
			return new ToolDescriptor(tool.name(), tool.title(), tool.description(), taskSupport);
		}

	}

	/**
	 * A resource.
	 *
	 * @param uri its URI
	 * @param name its name
	 * @param title its title, or {@code null}
	 * @param mimeType its MIME type, or {@code null}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ResourceDescriptor(String uri, String name, @Nullable String title, @Nullable String mimeType) {

		static ResourceDescriptor of(Resource resource) {
			return new ResourceDescriptor(resource.uri(), resource.name(), resource.title(), resource.mimeType());
		}

	}

	/**
	 * A resource template.
	 *
	 * @param uriTemplate its URI template
	 * @param name its name
	 * @param title its title, or {@code null}
	 * @param mimeType its MIME type, or {@code null}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ResourceTemplateDescriptor(String uriTemplate, String name, @Nullable String title,
			@Nullable String mimeType) {

		static ResourceTemplateDescriptor of(ResourceTemplate template) {
			return new ResourceTemplateDescriptor(template.uriTemplate(), template.name(), template.title(),
					template.mimeType());
		}

	}

	/**
	 * A prompt.
	 *
	 * @param name its name
	 * @param title its title, or {@code null}
	 * @param description its description, or {@code null}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record PromptDescriptor(String name, @Nullable String title, @Nullable String description) {

		static PromptDescriptor of(Prompt prompt) {
			return new PromptDescriptor(prompt.name(), prompt.title(), prompt.description());
		}

	}

	/**
	 * The sessions (of the 2025-11-25 revision; the 2026-07-28 revision has none).
	 *
	 * @param active how many sessions are kept
	 */
	public record SessionsDescriptor(long active) {
	}

	/**
	 * The docket's tasks.
	 *
	 * @param byState how many tasks are in each state ({@code queued}, {@code running},
	 * {@code input_required}, {@code completed}, {@code failed}, {@code cancelled})
	 * @param submittedTotal how many tasks were submitted since the docket was created
	 * @param finishedTotal how many tasks finished since the docket was created
	 */
	public record TasksDescriptor(Map<String, Long> byState, long submittedTotal, long finishedTotal) {

		static TasksDescriptor of(DocketStats stats) {
			Map<String, Long> byState = new LinkedHashMap<>();
			for (TaskState state : TaskState.values()) {
				byState.put(state.name().toLowerCase(Locale.ROOT), stats.tasks().getOrDefault(state, 0L));
			}
			return new TasksDescriptor(byState, stats.submittedTotal(), stats.finishedTotal());
		}

	}

	/**
	 * A worker.
	 *
	 * @param id its id
	 * @param lastSeen when it last claimed tasks or renewed their leases
	 * @param runningTaskIds the tasks it runs
	 */
	public record WorkerDescriptor(String id, Instant lastSeen, List<String> runningTaskIds) {

		static WorkerDescriptor of(WorkerInfo worker) {
			return new WorkerDescriptor(worker.id(), worker.lastSeen(), worker.runningTaskIds());
		}

	}

}
