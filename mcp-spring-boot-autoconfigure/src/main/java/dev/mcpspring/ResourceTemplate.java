package dev.mcpspring;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A resource template as listed by {@code resources/templates/list}: a family of
 * resources whose URIs match an RFC 6570 URI template.
 *
 * @param uriTemplate the URI template, such as {@code reports://{id}}
 * @param name the name of the template
 * @param title a human-readable name, or {@code null}
 * @param description what the resources hold, for the model, or {@code null}
 * @param mimeType the MIME type of every matching resource, or {@code null}
 * @param annotations hints for the client, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceTemplate(String uriTemplate, String name, @Nullable String title, @Nullable String description,
		@Nullable String mimeType, @Nullable Annotations annotations) {

	/**
	 * Returns a template with a URI template and a name only.
	 * @param uriTemplate the URI template
	 * @param name the name
	 * @return the template
	 */
	public static ResourceTemplate of(String uriTemplate, String name) {
		return new ResourceTemplate(uriTemplate, name, null, null, null, null);
	}

}
