package dev.mcpspring.mounted;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * MCP mounted in an existing application on platform threads.
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.servlet.context-path=" + MountedApplicationTests.CONTEXT_PATH,
				"mcp.server.path=" + MountedApplicationTests.MCP_PATH })
class MountedOnPlatformThreadsTests extends MountedApplicationTests {

	@Override
	boolean virtualThreads() {
		return false;
	}

}
