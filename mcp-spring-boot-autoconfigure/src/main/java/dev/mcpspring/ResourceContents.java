package dev.mcpspring;

import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * The contents of a resource: text or binary.
 */
public sealed interface ResourceContents permits TextResourceContents, BlobResourceContents {

	/**
	 * Returns the URI of the resource.
	 * @return the URI
	 */
	String uri();

	static TextResourceContents text(String uri, @Nullable String mimeType, String text) {
		return new TextResourceContents(uri, mimeType, text);
	}

	static BlobResourceContents blob(String uri, @Nullable String mimeType, byte[] data) {
		return new BlobResourceContents(uri, mimeType, Base64.getEncoder().encodeToString(data));
	}

}
