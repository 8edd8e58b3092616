package dev.mcpspring.conformance;

import org.springframework.stereotype.Component;

import dev.mcpspring.McpResource;

/**
 * The resources and the resource template the conformance suite's resource scenarios
 * read and subscribe to, with the URIs, MIME types and contents its scenario sources
 * ({@code src/scenarios/server/resources.ts}) expect.
 */
@Component
public class ConformanceResources {

	@McpResource(uri = "test://static-text", name = "static-text", title = "Static Text Resource",
			description = "A static text resource for testing", mimeType = "text/plain")
	public String staticText() {
		return "This is the content of the static text resource.";
	}

	@McpResource(uri = "test://static-binary", name = "static-binary", title = "Static Binary Resource",
			description = "A static binary resource (a PNG image) for testing", mimeType = "image/png")
	public byte[] staticBinary() {
		return ConformanceImages.pixelPng();
	}

	@McpResource(uri = "test://template/{id}/data", name = "template", title = "Resource Template",
			description = "A resource template with parameter substitution", mimeType = "application/json")
	public TemplateData template(String id) {
		return new TemplateData(id, true, "Data for ID: " + id);
	}

	@McpResource(uri = "test://watched-resource", name = "watched-resource", title = "Watched Resource",
			description = "A resource clients subscribe to", mimeType = "text/plain")
	public String watchedResource() {
		return "Watched resource content";
	}

	/**
	 * The contents of the template resource.
	 *
	 * @param id the substituted id
	 * @param templateTest always true
	 * @param data a text naming the id
	 */
	public record TemplateData(String id, boolean templateTest, String data) {
	}

}
