package dev.mcpspring;

import java.util.Base64;

/**
 * A content block of a tool result or a prompt message: text, image, audio, an
 * embedded resource or a resource link.
 */
public sealed interface Content permits TextContent, ImageContent, AudioContent, EmbeddedResource, ResourceLink {

	/**
	 * Returns the content type discriminator, such as {@code "text"}.
	 * @return the type
	 */
	String type();

	static TextContent text(String text) {
		return new TextContent(text, null);
	}

	static ImageContent image(byte[] data, String mimeType) {
		return new ImageContent(Base64.getEncoder().encodeToString(data), mimeType, null);
	}

	static AudioContent audio(byte[] data, String mimeType) {
		return new AudioContent(Base64.getEncoder().encodeToString(data), mimeType, null);
	}

	static EmbeddedResource resource(ResourceContents resource) {
		return new EmbeddedResource(resource, null);
	}

}
