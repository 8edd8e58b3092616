package dev.mcpspring.test.app;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mcpspring.McpContext;

/**
 * An ordinary REST endpoint outside the MCP path. It reports the thread it ran on and
 * whether an MCP context was bound to it, so tests can show that no context leaks from
 * an MCP request to a later request on the same server thread.
 */
@RestController
class ContextProbeController {

	@GetMapping("/probe/context")
	Map<String, Object> probe() {
		return Map.of("thread", Thread.currentThread().getName(), "bound", McpContext.find().isPresent());
	}

}
