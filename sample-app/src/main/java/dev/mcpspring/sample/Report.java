package dev.mcpspring.sample;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A sales report of one region for one month.
 *
 * @param id the report id
 * @param region the sales region
 * @param month the first day of the month reported
 * @param revenue the revenue in euros
 * @param orders the number of orders
 */
public record Report(String id, Region region, LocalDate month, BigDecimal revenue, int orders) {
}
