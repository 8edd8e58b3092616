package dev.mcpspring.abuse.calls;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An endpoint of the host application, which must keep answering whatever MCP clients do.
 */
@RestController
class HostController {

	@GetMapping("/host/reports")
	Map<String, Object> reports() {
		return Map.of("reports", 3);
	}

}
