package dev.mcpspring.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Repository;

/**
 * Reports, kept in memory and seeded with a few months of data.
 */
@Repository
public class ReportRepository {

	private final Map<String, Report> reports = new ConcurrentHashMap<>();

	private final AtomicInteger sequence = new AtomicInteger();

	public ReportRepository() {
		LocalDate month = LocalDate.of(2026, 1, 1);
		for (int i = 0; i < 6; i++) {
			for (Region region : Region.values()) {
				int orders = 100 + (i * 17 + region.ordinal() * 31) % 90;
				add(region, month.plusMonths(i), BigDecimal.valueOf(orders * 42L + region.ordinal() * 100L), orders);
			}
		}
	}

	public Report add(Region region, LocalDate month, BigDecimal revenue, int orders) {
		Report report = new Report("r-" + this.sequence.incrementAndGet(), region, month.withDayOfMonth(1), revenue,
				orders);
		this.reports.put(report.id(), report);
		return report;
	}

	public Optional<Report> find(String id) {
		return Optional.ofNullable(this.reports.get(id));
	}

	public List<Report> findAll(Region region) {
		return this.reports.values()
			.stream()
			.filter((report) -> region == null || report.region() == region)
			.sorted(Comparator.comparing(Report::month).thenComparing(Report::region))
			.toList();
	}

}
