package dev.mcpspring.test.app;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A record argument with constrained fields, nested in other records.
 *
 * @param street the street
 * @param city the city
 * @param zip the postal code, five digits
 */
public record Address(String street, @NotBlank String city, @Pattern(regexp = "[0-9]{5}") String zip) {
}
