package dev.mcpspring.server.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the resource, prompt and completion tests run against: the beans of
 * this package ({@link NoteResources}, {@link TripPrompts}, {@link TripCompletions}).
 * Start it with {@link FeaturesServerTest}, so that the test classes share one server.
 */
@SpringBootApplication
public class FeaturesTestApplication {

}
