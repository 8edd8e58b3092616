package dev.mcpspring;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A resource as listed by {@code resources/list}.
 *
 * @param uri the URI of the resource
 * @param name the name of the resource
 * @param title a human-readable name, or {@code null}
 * @param description what the resource holds, for the model, or {@code null}
 * @param mimeType the MIME type, or {@code null} when unknown
 * @param annotations hints for the client, or {@code null}
 * @param size the size of the raw contents in bytes, or {@code null} when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Resource(String uri, String name, @Nullable String title, @Nullable String description,
		@Nullable String mimeType, @Nullable Annotations annotations, @Nullable Long size) {

	/**
	 * Returns a resource with a URI and a name only.
	 * @param uri the URI
	 * @param name the name
	 * @return the resource
	 */
	public static Resource of(String uri, String name) {
		return new Resource(uri, name, null, null, null, null, null);
	}

}
