package dev.mcpspring.test.app;

/**
 * A record result: becomes structuredContent with an output schema.
 *
 * @param city the city
 * @param temperature degrees Celsius
 * @param sunny whether the sun shines
 */
public record Weather(String city, double temperature, boolean sunny) {
}
