package dev.mcpspring.test.app;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

import dev.mcpspring.CallToolResult;
import dev.mcpspring.Content;
import dev.mcpspring.McpTool;
import dev.mcpspring.ResourceContents;
import dev.mcpspring.ResourceLink;

/**
 * Tools covering the return values a tool may have: records (structured content),
 * {@link CallToolResult} with image, audio, embedded resources and mixed content,
 * {@code void}, lists, numbers and {@link CompletableFuture}s.
 */
@Component
public class ResultTools {

	/** The bytes of a 1x1 PNG image. */
	public static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

	/** The bytes of a tiny WAV header. */
	public static final byte[] WAV = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1);

	@McpTool(name = "weather", description = "Returns a record", readOnlyHint = true)
	public Weather weather(String city) {
		return new Weather(city, 21.5, true);
	}

	@McpTool(name = "future_weather", description = "Returns a record later")
	public CompletableFuture<Weather> futureWeather(String city) {
		return CompletableFuture.supplyAsync(() -> {
			sleep(50);
			return new Weather(city, 18.0, false);
		});
	}

	@McpTool(name = "failed_future", description = "Returns a future that fails")
	public CompletableFuture<String> failedFuture() {
		return CompletableFuture.failedFuture(new IllegalArgumentException("The forecast service is down"));
	}

	@McpTool(name = "image", description = "Returns an image")
	public CallToolResult image() {
		return CallToolResult.of(Content.image(PNG, "image/png"));
	}

	@McpTool(name = "audio", description = "Returns audio")
	public CallToolResult audio() {
		return CallToolResult.of(Content.audio(WAV, "audio/wav"));
	}

	@McpTool(name = "embedded_resource", description = "Returns an embedded text resource")
	public CallToolResult embeddedResource() {
		return CallToolResult.of(Content.resource(ResourceContents.text("test://notes/1", "text/plain", "A note")));
	}

	@McpTool(name = "mixed_content", description = "Returns several kinds of content")
	public CallToolResult mixedContent() {
		return CallToolResult.of(List.of(Content.text("Here is everything"), Content.image(PNG, "image/png"),
				Content.resource(ResourceContents.blob("test://data/1", "application/octet-stream", new byte[] { 1, 2, 3 })),
				new ResourceLink("test://notes/2", "note-2", null, "Another note", "text/plain", null)));
	}

	@McpTool(name = "void_result", description = "Returns nothing")
	public void voidResult() {
	}

	@McpTool(name = "list_result", description = "Returns a list")
	public List<String> listResult() {
		return List.of("a", "b", "c");
	}

	@McpTool(name = "number_result", description = "Returns a number")
	public int numberResult() {
		return 42;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
