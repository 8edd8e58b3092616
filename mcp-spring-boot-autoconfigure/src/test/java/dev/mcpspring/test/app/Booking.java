package dev.mcpspring.test.app;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A record argument whose fields carry Jakarta Validation constraints.
 *
 * @param guest who stays
 * @param nights how many nights, 1 to 14
 * @param rooms the rooms, at least one
 */
public record Booking(@NotBlank String guest, @Min(1) @Max(14) int nights, @Size(min = 1) List<String> rooms) {
}
