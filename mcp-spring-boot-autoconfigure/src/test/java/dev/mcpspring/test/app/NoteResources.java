package dev.mcpspring.test.app;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mcpspring.McpContext;
import dev.mcpspring.McpResource;
import dev.mcpspring.McpResourceRegistry;
import dev.mcpspring.McpTool;
import dev.mcpspring.ResourceContents;

/**
 * Resources of every shape: text, binary, several contents, and templates with typed
 * variables; and tools that change a resource and tell subscribers. Six resources and
 * six templates, so that both lists have two pages.
 */
@Component
public class NoteResources {

	/** The bytes of the logo resource. */
	public static final byte[] LOGO = { (byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff };

	private final McpResourceRegistry registry;

	private volatile String today = "Nothing yet";

	public NoteResources(McpResourceRegistry registry) {
		this.registry = registry;
	}

	@McpResource(uri = "notes://today", name = "today", title = "Today's note",
			description = "The note of the day")
	public String today() {
		return this.today;
	}

	@McpResource(uri = "notes://yesterday", description = "Yesterday's note, in Markdown",
			mimeType = "text/markdown")
	public String yesterday() {
		return "# Yesterday\nAll quiet.";
	}

	@McpResource(uri = "notes://weekly", description = "The weekly note")
	public String weekly() {
		return "Week 48";
	}

	@McpResource(uri = "notes://monthly", description = "The monthly note")
	public String monthly() {
		return "November";
	}

	@McpResource(uri = "notes://day/{date}", name = "day_note")
	public String dayNote(LocalDate date) {
		return "Note of " + date.getDayOfWeek();
	}

	@McpResource(uri = "notes://tag/{tag}", name = "tagged_notes")
	public List<String> taggedNotes(String tag) {
		return List.of(tag + " 1", tag + " 2");
	}

	@McpResource(uri = "notes://logo", name = "logo", mimeType = "image/png")
	public byte[] logo() {
		return LOGO;
	}

	@McpResource(uri = "notes://all", name = "all")
	public List<ResourceContents> all(URI uri) {
		return List.of(ResourceContents.text(uri + "#today", "text/plain", this.today),
				ResourceContents.blob(uri + "#logo", "image/png", LOGO));
	}

	@McpResource(uri = "reports://{id}", name = "report", description = "A report by number")
	public Optional<Report> report(int id) {
		return (id <= 3) ? Optional.of(new Report(id, Region.values()[id], YearMonth.of(2026, id))) : Optional.empty();
	}

	@McpResource(uri = "reports://{region}/{month}", name = "monthly_report")
	public Report monthlyReport(Region region, YearMonth month) {
		return new Report(0, region, month);
	}

	@McpResource(uri = "files://{name}", name = "file", mimeType = "text/plain")
	public String file(String name, URI uri, McpContext context) {
		return "file " + name + " at " + uri + " in session " + context.sessionId();
	}

	@McpResource(uri = "files://readme-{part}", name = "readme", mimeType = "text/plain")
	public String readme(String part) {
		return "readme part " + part;
	}

	@McpTool(name = "update_note", description = "Changes today's note")
	public String updateNote(String text) {
		this.today = text;
		this.registry.resourceUpdated("notes://today");
		return "updated";
	}

	@McpTool(name = "touch", description = "Tells subscribers that a resource changed")
	public String touch(String uri) {
		this.registry.resourceUpdated(uri);
		return "touched";
	}

	/**
	 * A report.
	 *
	 * @param id the number
	 * @param region the region
	 * @param month the month
	 */
	public record Report(int id, Region region, YearMonth month) {
	}

}
