package dev.mcpspring.sample;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * The ceiling the MCP endpoint is measured against (profile {@code benchmark} only): a
 * plain controller that parses the same JSON-RPC {@code tools/call echo} body and
 * answers the same JSON, with none of MCP's checks, sessions or dispatch.
 */
@RestController
@Profile("benchmark")
public class EchoBaselineController {

	@PostMapping("/bench/echo")
	public Response echo(@RequestBody JsonNode body) {
		String text = body.path("params").path("arguments").path("text").asString();
		return new Response("2.0", body.get("id"), new Result(List.of(new Text("text", text))));
	}

	/**
	 * The JSON-RPC response.
	 *
	 * @param jsonrpc the version
	 * @param id the request id
	 * @param result the tool result
	 */
	public record Response(String jsonrpc, JsonNode id, Result result) {
	}

	/**
	 * The tool result.
	 *
	 * @param content the content blocks
	 */
	public record Result(List<Text> content) {
	}

	/**
	 * A text content block.
	 *
	 * @param type always {@code text}
	 * @param text the text
	 */
	public record Text(String type, String text) {
	}

}
