/**
 * A test harness for the MCP server: real HTTP against a real server.
 * <ul>
 * <li>{@link dev.mcpspring.test.McpServerTest} starts
 * {@link dev.mcpspring.test.app.McpTestApplication} on a random port; every class
 * annotated with it shares one application context.</li>
 * <li>{@link dev.mcpspring.test.McpTestClient} is the client: {@code connect()} (initialize
 * and {@code notifications/initialized}), {@code request}, {@code call},
 * {@code callTool}, {@code notify}, {@code openStream()} (GET), {@code delete()},
 * {@code streamRequest} (a POST whose SSE response is read as it arrives) and
 * {@code raw()} for requests with any headers and body.</li>
 * <li>{@link dev.mcpspring.test.McpResponse} is a complete response, read as JSON or as
 * SSE events ({@link dev.mcpspring.test.SseEvent}); {@code result()}, {@code error()},
 * {@code text()}, {@code notifications(method)} pick it apart.</li>
 * <li>{@link dev.mcpspring.test.McpEventStream} is a response still arriving:
 * {@code next}, {@code nextNotification}, {@code assertNoMessageWithin},
 * {@code awaitEnd}; all wait with a timeout and fail instead of hanging.</li>
 * <li>{@link dev.mcpspring.test.TextTool} is a tool to add at runtime through
 * {@link dev.mcpspring.McpToolRegistry}.</li>
 * </ul>
 * Tests that need other settings (context path, virtual threads, features switched on)
 * use a {@code @SpringBootTest(classes = McpTestApplication.class, webEnvironment =
 * RANDOM_PORT, properties = ...)} of their own and the same client.
 */
package dev.mcpspring.test;
