package dev.mcpspring.test.app;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/**
 * A record argument holding another record.
 *
 * @param name the name
 * @param priority how urgent the customer's matters are
 * @param address where the customer lives
 */
public record Customer(@NotBlank String name, Priority priority, @Valid Address address) {
}
