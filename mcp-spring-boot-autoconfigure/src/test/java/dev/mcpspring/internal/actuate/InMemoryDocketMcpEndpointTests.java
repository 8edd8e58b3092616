package dev.mcpspring.internal.actuate;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.mcpspring.test.app.McpTestApplication;

/**
 * {@link McpEndpointContract} with the in-memory docket.
 */
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=mcp")
class InMemoryDocketMcpEndpointTests extends McpEndpointContract {

}
