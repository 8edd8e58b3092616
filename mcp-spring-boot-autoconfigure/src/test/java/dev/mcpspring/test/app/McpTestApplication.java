package dev.mcpspring.test.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the protocol tests run against: a plain Spring MVC application with
 * a REST controller ({@link ContextProbeController}), Spring Security (permitting
 * everyone, with optional HTTP Basic users {@code alice} and {@code bob}, password
 * {@code password}) and tool beans covering argument types ({@link ArgumentTools}),
 * result types ({@link ResultTools}), progress, logging, failures and cancellation
 * ({@link InteractionTools}) and the request context ({@link ContextTools}); resources
 * ({@link NoteResources}), prompts ({@link TripPrompts}) and completion providers
 * ({@link TripCompletions}).
 * <p>
 * It scans only its own package. Start it with {@link dev.mcpspring.test.McpServerTest}
 * so that test classes share one server.
 */
@SpringBootApplication
public class McpTestApplication {

}
