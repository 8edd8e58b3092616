package dev.mcpspring.conformance;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.mcpspring.CallToolResult;
import dev.mcpspring.Content;
import dev.mcpspring.LoggingLevel;
import dev.mcpspring.McpContext;
import dev.mcpspring.McpTool;
import dev.mcpspring.McpToolParam;
import dev.mcpspring.TextResourceContents;

/**
 * The tools the conformance suite's tool, logging and progress scenarios call, with the
 * names and results its scenario sources ({@code src/scenarios/server/tools.ts}) expect.
 */
@Component
public class ConformanceTools {

	private static final long STEP_MILLIS = 50;

	@McpTool(name = "test_simple_text", description = "Returns a fixed text")
	public String simpleText() {
		return "This is a simple text response for testing.";
	}

	@McpTool(name = "test_image_content", description = "Returns a 1x1 red PNG image")
	public CallToolResult imageContent() throws IOException {
		return CallToolResult.of(Content.image(redPixelPng(), "image/png"));
	}

	@McpTool(name = "test_audio_content", description = "Returns a short silent WAV clip")
	public CallToolResult audioContent() throws IOException {
		return CallToolResult.of(Content.audio(silentWav(), "audio/wav"));
	}

	@McpTool(name = "test_embedded_resource", description = "Returns an embedded text resource")
	public CallToolResult embeddedResource() {
		return CallToolResult.of(Content.resource(new TextResourceContents("test://embedded-resource", "text/plain",
				"This is an embedded resource content.")));
	}

	@McpTool(name = "test_multiple_content_types", description = "Returns text, an image and an embedded resource")
	public CallToolResult multipleContentTypes() throws IOException {
		return CallToolResult.of(Content.text("Multiple content types test:"), Content.image(redPixelPng(), "image/png"),
				Content.resource(new TextResourceContents("test://mixed-content-resource", "application/json",
						"{\"test\":\"data\",\"value\":123}")));
	}

	@McpTool(name = "test_tool_with_logging", description = "Sends three info log messages while it runs")
	public String toolWithLogging(McpContext context) throws InterruptedException {
		context.log(LoggingLevel.INFO, "Tool execution started");
		Thread.sleep(STEP_MILLIS);
		context.log(LoggingLevel.INFO, "Tool processing data");
		Thread.sleep(STEP_MILLIS);
		context.log(LoggingLevel.INFO, "Tool execution completed");
		return "Tool with logging executed successfully";
	}

	@McpTool(name = "test_logging_tool",
			description = "Logs while it runs; a 2026-07-28 request gets the messages only when it asks for a log level")
	public String loggingTool(McpContext context) {
		context.log(LoggingLevel.INFO, "Logging tool started");
		context.log(LoggingLevel.INFO, "Logging tool finished");
		return "Logged two messages";
	}

	@McpTool(name = "test_missing_capability",
			description = "Needs the client's sampling capability; refused with -32021 when it was not declared")
	public String missingCapability(McpContext context) {
		return context.sample("Say hello", 10).text();
	}

	@McpTool(name = "test_streaming_elicitation",
			description = "Asks the user a question; never sends the request on a 2026-07-28 response stream")
	public String streamingElicitation(McpContext context) {
		return String.valueOf(context.elicit("What is your name?", Name.class).content());
	}

	/**
	 * The answer {@code test_streaming_elicitation} asks for.
	 *
	 * @param name the user's name
	 */
	record Name(String name) {
	}

	@McpTool(name = "test_custom_headers",
			description = "Echoes arguments a 2026-07-28 client mirrors into Mcp-Param-Region, -Priority and -Verbose")
	public String customHeaders(@McpToolParam(header = "Region", description = "A region") String region,
			@McpToolParam(header = "Priority", required = false, description = "A priority") @Nullable Integer priority,
			@McpToolParam(header = "Verbose", required = false, description = "Whether to say more")
			@Nullable Boolean verbose) {
		return "region=" + region + ", priority=" + priority + ", verbose=" + verbose;
	}

	@McpTool(name = "test_error_handling", description = "Always fails")
	public String errorHandling() {
		throw new IllegalStateException("This tool intentionally returns an error for testing");
	}

	@McpTool(name = "test_tool_with_progress", description = "Reports progress 0, 50 and 100 of 100")
	public String toolWithProgress(McpContext context) throws InterruptedException {
		context.progress(0, 100.0, null);
		Thread.sleep(STEP_MILLIS);
		context.progress(50, 100.0, null);
		Thread.sleep(STEP_MILLIS);
		context.progress(100, 100.0, null);
		return "Tool with progress executed successfully";
	}

	private static byte[] redPixelPng() throws IOException {
		BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
		image.setRGB(0, 0, Color.RED.getRGB());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private static byte[] silentWav() throws IOException {
		AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
		byte[] samples = new byte[800 * format.getFrameSize()];
		AudioInputStream audio = new AudioInputStream(new ByteArrayInputStream(samples), format, 800);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		AudioSystem.write(audio, AudioFileFormat.Type.WAVE, out);
		return out.toByteArray();
	}

}
